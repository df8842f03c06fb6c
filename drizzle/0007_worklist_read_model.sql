CREATE TABLE "worklist_entries" (
	"person_id" text PRIMARY KEY NOT NULL,
	"as_of" date NOT NULL,
	"factors" text[] NOT NULL,
	"factor_count" integer NOT NULL,
	"changed_on" date NOT NULL,
	"probability" double precision,
	"given_name" text,
	"family_name" text,
	"age" integer,
	"age_band" text,
	"school" text,
	"district" text,
	"area_team" text
);
--> statement-breakpoint
CREATE TABLE "worklist_state" (
	"id" integer PRIMARY KEY NOT NULL,
	"fingerprint" text NOT NULL,
	"as_of" date,
	"factors" text[] NOT NULL,
	"schools" text[] NOT NULL,
	"refreshed_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "worklist_entries" ADD CONSTRAINT "worklist_entries_person_id_persons_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."persons"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "worklist_entries_priority" ON "worklist_entries" USING btree ("probability" DESC NULLS LAST,"factor_count" DESC NULLS LAST,"changed_on" DESC NULLS LAST,"person_id");--> statement-breakpoint
CREATE INDEX "worklist_entries_newest" ON "worklist_entries" USING btree ("changed_on" DESC NULLS LAST,"factor_count" DESC NULLS LAST,"person_id");--> statement-breakpoint
CREATE INDEX "worklist_entries_area_team" ON "worklist_entries" USING btree ("area_team");