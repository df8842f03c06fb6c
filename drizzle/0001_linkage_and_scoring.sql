CREATE TABLE "link_runs" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"spec" jsonb NOT NULL,
	"spec_hash" text NOT NULL,
	"model" jsonb,
	"threshold" double precision NOT NULL,
	"metrics" jsonb,
	"started_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "person_changes" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"run_id" bigint NOT NULL,
	"kind" text NOT NULL,
	"from_persons" jsonb NOT NULL,
	"to_persons" jsonb NOT NULL,
	"records" integer NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "person_records" (
	"source_record_id" bigint PRIMARY KEY NOT NULL,
	"person_id" text NOT NULL,
	"match_probability" double precision,
	"run_id" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "persons" (
	"id" text PRIMARY KEY NOT NULL,
	"status" text DEFAULT 'active' NOT NULL,
	"merged_into" text,
	"created_run_id" bigint,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "record_links" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"run_id" bigint NOT NULL,
	"record_l" bigint NOT NULL,
	"record_r" bigint NOT NULL,
	"match_weight" double precision NOT NULL,
	"match_probability" double precision NOT NULL,
	"comparison" jsonb
);
--> statement-breakpoint
CREATE TABLE "review_items" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"record_l" bigint NOT NULL,
	"record_r" bigint NOT NULL,
	"run_id" bigint NOT NULL,
	"match_weight" double precision NOT NULL,
	"match_probability" double precision NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"decided_by" text,
	"decided_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "factor_instances" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"person_id" text NOT NULL,
	"factor" text NOT NULL,
	"as_of" date NOT NULL,
	"first_seen" date NOT NULL,
	"last_seen" date NOT NULL,
	"evidence" jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "model_versions" (
	"id" text PRIMARY KEY NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"demo" text,
	"training_fingerprint" text NOT NULL,
	"features" jsonb NOT NULL,
	"model" jsonb NOT NULL,
	"evaluation" jsonb NOT NULL,
	"fairness" jsonb NOT NULL,
	"card" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"approved_by" text,
	"approved_at" timestamp with time zone,
	"justification" text,
	"retired_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "scores" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"person_id" text NOT NULL,
	"model_version_id" text NOT NULL,
	"as_of" date NOT NULL,
	"probability" double precision NOT NULL,
	"intercept" double precision NOT NULL,
	"contributions" jsonb NOT NULL,
	"scored_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "person_changes" ADD CONSTRAINT "person_changes_run_id_link_runs_id_fk" FOREIGN KEY ("run_id") REFERENCES "public"."link_runs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "person_records" ADD CONSTRAINT "person_records_source_record_id_source_records_id_fk" FOREIGN KEY ("source_record_id") REFERENCES "public"."source_records"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "person_records" ADD CONSTRAINT "person_records_person_id_persons_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "person_records" ADD CONSTRAINT "person_records_run_id_link_runs_id_fk" FOREIGN KEY ("run_id") REFERENCES "public"."link_runs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "persons" ADD CONSTRAINT "persons_created_run_id_link_runs_id_fk" FOREIGN KEY ("created_run_id") REFERENCES "public"."link_runs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "record_links" ADD CONSTRAINT "record_links_run_id_link_runs_id_fk" FOREIGN KEY ("run_id") REFERENCES "public"."link_runs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "record_links" ADD CONSTRAINT "record_links_record_l_source_records_id_fk" FOREIGN KEY ("record_l") REFERENCES "public"."source_records"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "record_links" ADD CONSTRAINT "record_links_record_r_source_records_id_fk" FOREIGN KEY ("record_r") REFERENCES "public"."source_records"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_items" ADD CONSTRAINT "review_items_record_l_source_records_id_fk" FOREIGN KEY ("record_l") REFERENCES "public"."source_records"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_items" ADD CONSTRAINT "review_items_record_r_source_records_id_fk" FOREIGN KEY ("record_r") REFERENCES "public"."source_records"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_items" ADD CONSTRAINT "review_items_run_id_link_runs_id_fk" FOREIGN KEY ("run_id") REFERENCES "public"."link_runs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "factor_instances" ADD CONSTRAINT "factor_instances_person_id_persons_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."persons"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "scores" ADD CONSTRAINT "scores_person_id_persons_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."persons"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "scores" ADD CONSTRAINT "scores_model_version_id_model_versions_id_fk" FOREIGN KEY ("model_version_id") REFERENCES "public"."model_versions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "person_records_person" ON "person_records" USING btree ("person_id");--> statement-breakpoint
CREATE UNIQUE INDEX "record_links_pair" ON "record_links" USING btree ("run_id","record_l","record_r");--> statement-breakpoint
CREATE INDEX "record_links_r" ON "record_links" USING btree ("record_r");--> statement-breakpoint
CREATE UNIQUE INDEX "review_items_pair" ON "review_items" USING btree ("record_l","record_r");--> statement-breakpoint
CREATE UNIQUE INDEX "factor_instances_once" ON "factor_instances" USING btree ("person_id","factor","as_of");--> statement-breakpoint
CREATE INDEX "factor_instances_as_of" ON "factor_instances" USING btree ("as_of","factor");--> statement-breakpoint
CREATE UNIQUE INDEX "scores_once" ON "scores" USING btree ("person_id","model_version_id","as_of");--> statement-breakpoint
CREATE INDEX "scores_as_of" ON "scores" USING btree ("as_of","probability");