ALTER TABLE "events" DROP CONSTRAINT "events_source_record_id_source_records_id_fk";
