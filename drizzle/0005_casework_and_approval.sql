CREATE TABLE "allocations" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"person_id" text NOT NULL,
	"team_id" text NOT NULL,
	"worker_id" text,
	"allocated_by" text NOT NULL,
	"allocated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"ended_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "consents" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"person_id" text NOT NULL,
	"status" text NOT NULL,
	"given_by" text NOT NULL,
	"note" text,
	"recorded_by" text NOT NULL,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "decisions" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"person_id" text NOT NULL,
	"kind" text NOT NULL,
	"reason" text NOT NULL,
	"model_version_id" text,
	"as_of" date,
	"probability" double precision,
	"team_id" text,
	"decided_by" text NOT NULL,
	"decided_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "reidentification_requests" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"person_id" text NOT NULL,
	"source_record_id" bigint,
	"agency_id" text NOT NULL,
	"purpose" text NOT NULL,
	"reason" text NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"requested_by" text NOT NULL,
	"requested_at" timestamp with time zone DEFAULT now() NOT NULL,
	"answered_by" text,
	"answered_at" timestamp with time zone,
	"answer_sealed" text,
	"refusal" text
);
--> statement-breakpoint
CREATE TABLE "support_outcomes" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"plan_id" bigint NOT NULL,
	"outcome" text NOT NULL,
	"note" text,
	"recorded_by" text NOT NULL,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "support_plans" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"person_id" text NOT NULL,
	"offer_id" text NOT NULL,
	"goal" text NOT NULL,
	"status" text DEFAULT 'planned' NOT NULL,
	"lead_id" text,
	"start_on" date,
	"review_on" date,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "source_records" ADD COLUMN "clk" text;--> statement-breakpoint
ALTER TABLE "source_records" ADD COLUMN "blocking_keys" jsonb;--> statement-breakpoint
ALTER TABLE "model_versions" ADD COLUMN "retired_by" text;--> statement-breakpoint
ALTER TABLE "model_versions" ADD COLUMN "retired_reason" text;--> statement-breakpoint
ALTER TABLE "model_versions" ADD COLUMN "fairness_responses" jsonb;--> statement-breakpoint
ALTER TABLE "allocations" ADD CONSTRAINT "allocations_person_id_persons_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."persons"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "allocations" ADD CONSTRAINT "allocations_team_id_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."teams"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "allocations" ADD CONSTRAINT "allocations_worker_id_users_id_fk" FOREIGN KEY ("worker_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consents" ADD CONSTRAINT "consents_person_id_persons_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."persons"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "decisions" ADD CONSTRAINT "decisions_person_id_persons_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."persons"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reidentification_requests" ADD CONSTRAINT "reidentification_requests_person_id_persons_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."persons"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "support_outcomes" ADD CONSTRAINT "support_outcomes_plan_id_support_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."support_plans"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "support_plans" ADD CONSTRAINT "support_plans_person_id_persons_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."persons"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "allocations_current" ON "allocations" USING btree ("person_id") WHERE ended_at IS NULL;--> statement-breakpoint
CREATE INDEX "allocations_team" ON "allocations" USING btree ("team_id") WHERE ended_at IS NULL;--> statement-breakpoint
CREATE INDEX "consents_person" ON "consents" USING btree ("person_id","recorded_at");--> statement-breakpoint
CREATE INDEX "decisions_person" ON "decisions" USING btree ("person_id","decided_at");--> statement-breakpoint
CREATE INDEX "reidentification_requests_agency" ON "reidentification_requests" USING btree ("agency_id","status");--> statement-breakpoint
CREATE INDEX "support_outcomes_plan" ON "support_outcomes" USING btree ("plan_id");--> statement-breakpoint
CREATE INDEX "support_plans_person" ON "support_plans" USING btree ("person_id");