/** One adapter per format, dispatched by the mapping's `format`: adding a format breaks the build until it has an adapter. */
import type { Adapter } from '../core/adapter.ts';
import type { Format } from '../mapping-schema.ts';
import { csvAdapter } from './csv-adapter.ts';
import { fhirAdapter } from './fhir-adapter.ts';
import { fixedWidthAdapter } from './fixed-width-adapter.ts';
import { jsonAdapter } from './json-adapter.ts';
import { parquetAdapter } from './parquet-adapter.ts';
import { xmlAdapter } from './xml-adapter.ts';

export const adapters: Record<Format, Adapter> = {
  csv: csvAdapter,
  json: jsonAdapter,
  xml: xmlAdapter,
  'fixed-width': fixedWidthAdapter,
  fhir: fhirAdapter,
  parquet: parquetAdapter,
};
