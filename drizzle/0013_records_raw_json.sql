-- A record's raw values as json, not jsonb: kept as the agency sent them and read whole or by `->>`;
-- the server takes json as text it checks, where jsonb is parsed into a tree, its keys sorted and
-- written again (src/ingest/README.md, "The write side (session 8)"). Rewrites the table once.
ALTER TABLE "source_records" ALTER COLUMN "raw" SET DATA TYPE json USING "raw"::json;
