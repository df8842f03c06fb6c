/**
 * What an agency does before it sends anything in hub-only mode, on the synthetic town: encode
 * its identifiers (`pprl encode` with a link map made from its ingest mapping), then strip every
 * identifier column from its extract, keeping its events, descriptive attributes and a year of
 * birth, and load that under a mapping and an agreement that name no identifier.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { mappingColumns, prepareMapping, readMapping, loadFile, type Mapping } from '../../src/ingest/index.ts';
import { agreedNames } from '../../src/ingest/mapping/mapping-columns.ts';
import { LinkMapSchema, type LinkMap } from '../../src/link/index.ts';
import { encodeCsvFile } from '../../src/pprl/index.ts';
import type { Store } from '../../src/store/index.ts';

export interface HubExtract { datasetId: string; clkPath: string; strippedPath: string; identifierValues: string[] }

/** The link map `pprl encode` reads, from an ingest mapping's identifiers and extra ids. */
export function linkMapOf(mapping: Mapping): LinkMap {
  return LinkMapSchema.parse({ id: mapping.record.local_id, columns: mapping.record.identifiers, extra_ids: mapping.record.extra_ids ?? {} });
}

/** The same mapping with no identifier: events and attributes only, and a year of birth. */
export function hubMappingOf(mapping: Mapping): Mapping {
  const { identifiers: _i, extra_ids: _e, ...record } = mapping.record;
  return {
    ...mapping, contacts: [],
    record: { ...record, identifiers: {}, extra_ids: { agency_ref: record.local_id }, attributes: { ...record.attributes, birth_year: 'BirthYear' } },
  };
}

const csvLine = (values: string[]) => values.map((v) => (/[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v)).join(',');

/** Encodes and strips one CSV dataset of the town in `townDir`, writing into `outDir`. */
export async function prepareHubExtract(townDir: string, outDir: string, datasetId: string, file: string, secret: Uint8Array): Promise<HubExtract & { mapping: Mapping }> {
  const read = await readMapping('config/town', datasetId);
  if (!read.ok) throw new Error(`mapping ${datasetId}: ${JSON.stringify(read.problems)}`);
  const input = join(townDir, file);
  const clkPath = join(outDir, `${datasetId}.clk.ndjson`);
  await encodeCsvFile({ input, map: linkMapOf(read.mapping), secret, out: clkPath, seed: '1', threads: 1 });
  const hub = hubMappingOf(read.mapping);
  const keep = [...mappingColumns(hub).record].filter((c) => c !== 'BirthYear');
  const rows = parse(readFileSync(input, 'utf8'), { columns: true, bom: true, skip_empty_lines: true }) as Array<Record<string, string>>;
  const dob = read.mapping.record.identifiers.dob;
  const dobColumn = typeof dob === 'object' && !Array.isArray(dob) ? dob.column : String(dob);
  const yearOf = (value: string) => (/^\d{4}/.test(value) ? value.slice(0, 4) : value.slice(-4));
  const strippedPath = join(outDir, `${datasetId}.events.csv`);
  writeFileSync(strippedPath, [csvLine([...keep, 'BirthYear']),
    ...rows.map((row) => csvLine([...keep.map((c) => row[c] ?? ''), row[dobColumn] ? yearOf(row[dobColumn]!) : '']))].join('\n') + '\n');
  const identifierColumns = [...mappingColumns(read.mapping).record].filter((c) => !keep.includes(c) && c !== dobColumn);
  const identifierValues = rows.flatMap((row) => identifierColumns.map((c) => row[c] ?? '')).filter((v) => v.length >= 5);
  return { datasetId, clkPath, strippedPath, identifierValues: [...new Set(identifierValues)], mapping: hub };
}

/** Loads a stripped extract under an agreement narrowed to its columns (no identifiers allowed). */
export async function loadHubEvents(store: Store, extract: HubExtract & { mapping: Mapping }, loadDate: string): Promise<void> {
  await store.sql.query('UPDATE agreements SET allowed_fields = $1::jsonb WHERE dataset = $2',
    [JSON.stringify(agreedNames(mappingColumns(extract.mapping))), extract.datasetId]);
  const prepared = await prepareMapping(store, extract.mapping, loadDate);
  if (!prepared.ok) throw new Error(`${extract.datasetId} refused: ${JSON.stringify(prepared.problems)}`);
  const outcome = await loadFile(store, prepared.plan, extract.strippedPath);
  if (outcome.status === 'failed') throw new Error(`${extract.strippedPath}: ${outcome.message}`);
}
