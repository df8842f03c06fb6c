ALTER TABLE "source_records" DROP CONSTRAINT "source_records_dataset_id_datasets_id_fk";
--> statement-breakpoint
ALTER TABLE "source_records" DROP CONSTRAINT "source_records_batch_id_ingest_batches_id_fk";
