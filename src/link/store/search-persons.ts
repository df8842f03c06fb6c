/**
 * Person search for a typed-in record (the web app's "find a person"): the record is
 * standardised as ingest would, blocked and scored against every source record under the last
 * run's model, and the candidates are grouped into persons (best record first).
 * `openPersonSearch` prepares once for many searches; `searchPersons` is the one-off form.
 */
import { normaliseName, normalisePostcode, parseDate } from '../../standardise/index.ts';
import type { Store } from '../../store/index.ts';
import type { WaterfallStep } from '../explain/waterfall.ts';
import type { ProbeRecord } from '../search/probe-records.ts';
import { searchRecord } from '../search/search-record.ts';
import { openModelWorkspace } from './model-workspace.ts';

export interface PersonCandidate {
  readonly personId: string;
  readonly matchProbability: number;
  readonly matchWeight: number;
  /** The person's source record that matched best, and why. */
  readonly sourceRecordId: number;
  readonly dataset: string;
  readonly waterfall: WaterfallStep[];
}

export interface PersonSearch {
  search(record: ProbeRecord, options?: { limit?: number }): Promise<PersonCandidate[]>;
  close(): void;
}

const NAME_COLUMNS = ['given_name', 'middle_names', 'family_name'];

/** The record's values as the store holds them (names, postcode and date of birth standardised). */
export function standardiseProbe(record: ProbeRecord): ProbeRecord {
  const out: Record<string, string | null | undefined> = { ...record };
  for (const c of NAME_COLUMNS) if (record[c]) out[c] = normaliseName(record[c]);
  if (record.postcode) out.postcode = normalisePostcode(record.postcode)?.full ?? record.postcode.toUpperCase();
  if (record.dob) { const d = parseDate(record.dob, 'auto'); out.dob = d.ok ? d.value : null; }
  return out;
}

/** Prepares the store once for many searches. */
export async function openPersonSearch(store: Store): Promise<PersonSearch> {
  const ws = await openModelWorkspace(store);
  return {
    async search(record, options = {}) {
      const limit = options.limit ?? 10;
      const candidates = await searchRecord(ws.connection, { model: ws.model, tables: ws.tables }, standardiseProbe(record), limit * 10);
      if (!candidates.length) return [];
      const rows = await store.sql.query<{ r: string; p: string }>(`SELECT pr.source_record_id::text AS r, coalesce(p.merged_into, p.id) AS p
FROM person_records AS pr JOIN persons AS p ON p.id = pr.person_id WHERE pr.source_record_id IN (SELECT jsonb_array_elements_text($1::jsonb)::bigint)`,
      [JSON.stringify(candidates.map((c) => c.recordId))]);
      const personOf = new Map(rows.map((row) => [row.r, row.p]));
      const best = new Map<string, PersonCandidate>();
      for (const c of candidates) {
        const personId = personOf.get(c.recordId);
        if (!personId || best.has(personId)) continue;
        best.set(personId, { personId, matchProbability: c.matchProbability, matchWeight: c.matchWeight, sourceRecordId: Number(c.recordId), dataset: c.source, waterfall: c.waterfall });
      }
      return [...best.values()].slice(0, limit);
    },
    close: () => ws.close(),
  };
}

/**
 * The top candidate persons for one typed-in record, best first.
 * @example
 * await searchPersons(store, { given_name: 'Bill', family_name: 'Smith', dob: '01/04/2009' }, { limit: 5 })
 */
export async function searchPersons(store: Store, record: ProbeRecord, options: { limit?: number } = {}): Promise<PersonCandidate[]> {
  const search = await openPersonSearch(store);
  try { return await search.search(record, options); } finally { search.close(); }
}
