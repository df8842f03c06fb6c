/**
 * The clerical review queue: open review items, one pair side by side with the waterfall of weights
 * (`explainStoredPair` under the run's stored model when it parses, else the stored comparison
 * vector), and decisions.
 */
import { z } from 'zod';
import { appendAudit } from '../../governance/index.ts';
import type { Store } from '../../store/index.ts';
import { HttpError } from '../http-error.ts';
import type { Principal } from '../request-context.ts';
import { ComparisonLevelSchema, explainStoredLink, WaterfallStepSchema } from './link-explanation.ts';

export const DECISIONS = ['match', 'non_match', 'unsure'] as const;
export const decisionLabels: Record<(typeof DECISIONS)[number], string> = { match: 'Match', non_match: 'Not a match', unsure: 'Unsure' };

export const ReviewQueueSchema = z.object({
  items: z.array(z.object({
    id: z.number(), leftAgency: z.string(), rightAgency: z.string(), matchProbability: z.number(), matchWeight: z.number(),
  })),
  status: z.literal('ready'),
});

const RecordSchema = z.object({
  id: z.number(), agency: z.string(), dataset: z.string(), localId: z.string(),
  fields: z.array(z.object({ label: z.string(), value: z.string().nullable() })),
});
export const ReviewItemSchema = z.object({
  id: z.number(), status: z.enum(['open', ...DECISIONS]), matchProbability: z.number(), matchWeight: z.number(),
  decidedBy: z.string().nullable(), left: RecordSchema, right: RecordSchema,
  waterfall: z.array(WaterfallStepSchema).nullable().describe('the weights step by step, when the run’s model can explain the pair'),
  comparison: z.array(ComparisonLevelSchema).describe('the stored comparison vector (level per comparison)'),
});
export type ReviewItem = z.infer<typeof ReviewItemSchema>;

const itemId = (raw: string) => (/^[1-9][0-9]{0,15}$/.test(raw) ? Number(raw) : null);

export async function loadReviewQueue(store: Store): Promise<z.infer<typeof ReviewQueueSchema>> {
  const rows = await store.sql.query<{ id: number | string; l: string; r: string; match_probability: number; match_weight: number }>(
    `SELECT ri.id, al.name AS l, ar.name AS r, ri.match_probability, ri.match_weight FROM review_items ri
       JOIN source_records sl ON sl.id = ri.record_l JOIN agencies al ON al.id = sl.agency_id
       JOIN source_records sr ON sr.id = ri.record_r JOIN agencies ar ON ar.id = sr.agency_id
      WHERE ri.status = 'open' ORDER BY abs(ri.match_probability - 0.5), ri.id`);
  return {
    status: 'ready',
    items: rows.map((row) => ({
      id: Number(row.id), leftAgency: row.l, rightAgency: row.r,
      matchProbability: Number(row.match_probability), matchWeight: Number(row.match_weight),
    })),
  };
}

const FIELDS: ReadonlyArray<[string, string]> = [
  ['given_name', 'Given name'], ['family_name', 'Family name'], ['dob', 'Date of birth'], ['sex', 'Sex'],
  ['postcode', 'Postcode'], ['nhs_number', 'NHS number'], ['upn', 'Unique pupil number'], ['ni_number', 'National Insurance number'],
  ['pnc_id', 'PNC id'],
];

async function loadRecord(store: Store, id: number): Promise<z.infer<typeof RecordSchema>> {
  const [row] = await store.sql.query<Record<string, unknown>>(
    `SELECT sr.*, sr.dob::text AS dob, a.name AS agency_name FROM source_records sr JOIN agencies a ON a.id = sr.agency_id WHERE sr.id = $1`, [id]);
  if (!row) throw new HttpError('NOT_FOUND');
  return {
    id, agency: String(row.agency_name), dataset: String(row.dataset_id), localId: String(row.local_id),
    fields: FIELDS.map(([column, label]) => ({ label, value: row[column] === null || row[column] === undefined ? null : String(row[column]) })),
  };
}

/** One review item with both records and the explanation of their weight. */
export async function loadReviewItem(store: Store, raw: string): Promise<ReviewItem> {
  const id = itemId(raw);
  const [item] = id ? await store.sql.query<{ record_l: number | string; record_r: number | string; status: ReviewItem['status']; match_probability: number; match_weight: number; decided_by: string | null; model: unknown; comparison: Record<string, number> | null }>(
    `SELECT ri.record_l, ri.record_r, ri.status, ri.match_probability, ri.match_weight, ri.decided_by, lr.model, rl.comparison
       FROM review_items ri JOIN link_runs lr ON lr.id = ri.run_id
       LEFT JOIN record_links rl ON rl.run_id = ri.run_id AND rl.record_l = ri.record_l AND rl.record_r = ri.record_r
      WHERE ri.id = $1`, [id]) : [];
  if (!item) throw new HttpError('NOT_FOUND');
  const { waterfall: steps, comparison } = await explainStoredLink(store, Number(item.record_l), Number(item.record_r), item);
  return {
    id: id!, status: item.status, matchProbability: Number(item.match_probability), matchWeight: Number(item.match_weight),
    decidedBy: item.decided_by, left: await loadRecord(store, Number(item.record_l)), right: await loadRecord(store, Number(item.record_r)),
    waterfall: steps, comparison,
  };
}

/** Records an analyst's decision on an open item, audited first; refuses an item already decided. */
export async function decideReviewItem(store: Store, principal: Principal, raw: string, decision: (typeof DECISIONS)[number]): Promise<void> {
  const id = itemId(raw);
  const [item] = id ? await store.sql.query<{ status: string }>('SELECT status FROM review_items WHERE id = $1', [id]) : [];
  if (!item) throw new HttpError('NOT_FOUND');
  if (item.status !== 'open') throw new HttpError('VALIDATION_FAILED', 'This pair has already been decided.');
  await appendAudit(store, {
    actor: principal.username, role: principal.role, action: 'decision.recorded', subjectRef: `review_item:${id}`,
    details: { decision },
  });
  await store.sql.query(
    `UPDATE review_items SET status = $2, decided_by = $3, decided_at = now() WHERE id = $1 AND status = 'open'`,
    [id, decision, principal.username]);
}
