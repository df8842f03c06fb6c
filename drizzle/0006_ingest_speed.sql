ALTER TABLE "events" DROP CONSTRAINT "events_dataset_id_datasets_id_fk";
--> statement-breakpoint
ALTER TABLE "events" DROP CONSTRAINT "events_batch_id_ingest_batches_id_fk";
--> statement-breakpoint
ALTER TABLE "relationships" DROP CONSTRAINT "relationships_dataset_id_datasets_id_fk";
--> statement-breakpoint
ALTER TABLE "relationships" DROP CONSTRAINT "relationships_batch_id_ingest_batches_id_fk";
--> statement-breakpoint
ALTER TABLE "source_records" DROP CONSTRAINT "source_records_agency_id_agencies_id_fk";
--> statement-breakpoint
DROP INDEX "events_once";--> statement-breakpoint
ALTER TABLE "events" ADD CONSTRAINT "events_once" UNIQUE NULLS NOT DISTINCT("source_record_id","code","occurred_on","value");