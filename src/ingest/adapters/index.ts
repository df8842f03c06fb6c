/**
 * One adapter per format, dispatched by the mapping's `format`: adding a format breaks the build
 * until it has an adapter. Each adapter's module is loaded when a file of its format is first read,
 * not before: a load reads one format, and a worker thread (`load/chunk-thread.ts`) starts about
 * 0.4 s sooner without loading every parser (DuckDB's, for Parquet, among them).
 */
import { batched, itemBatches, type Adapter } from '../core/adapter.ts';
import type { Format } from '../mapping-schema.ts';

/** An adapter whose module is loaded on the first read (then kept); its items come in the module's own batches. */
function onFirstRead(load: () => Promise<Adapter>): Adapter {
  let loaded: Promise<Adapter> | null = null;
  return (context) => batched(async function* () {
    const adapter = await (loaded ??= load());
    yield* itemBatches(adapter(context));
  });
}

export const adapters: Record<Format, Adapter> = {
  csv: onFirstRead(async () => (await import('./csv-adapter.ts')).csvAdapter),
  json: onFirstRead(async () => (await import('./json-adapter.ts')).jsonAdapter),
  xml: onFirstRead(async () => (await import('./xml-adapter.ts')).xmlAdapter),
  'fixed-width': onFirstRead(async () => (await import('./fixed-width-adapter.ts')).fixedWidthAdapter),
  fhir: onFirstRead(async () => (await import('./fhir-adapter.ts')).fhirAdapter),
  parquet: onFirstRead(async () => (await import('./parquet-adapter.ts')).parquetAdapter),
};
