DROP INDEX "source_records_local";--> statement-breakpoint
CREATE UNIQUE INDEX "source_records_local" ON "source_records" USING btree ("local_id","dataset_id","kind");