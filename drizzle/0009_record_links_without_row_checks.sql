ALTER TABLE "record_links" DROP CONSTRAINT "record_links_run_id_link_runs_id_fk";
--> statement-breakpoint
ALTER TABLE "record_links" DROP CONSTRAINT "record_links_record_l_source_records_id_fk";
--> statement-breakpoint
ALTER TABLE "record_links" DROP CONSTRAINT "record_links_record_r_source_records_id_fk";
