/**
 * What goes with expired source records, in the order that leaves nothing pointing at them:
 * factor instances citing their events or the records themselves (and the scores computed as of
 * the same date for the same person, which were computed from them); their relationships, links,
 * review items, disputes, re-identification requests about them (the answer came from the
 * record), events and person links; the records; then persons left with no records (and persons
 * merged into them) with their objections, factors, scores, casework (allocations, decisions,
 * consents, support plans and their outcomes, re-identification requests) and merge history; and quarantined rows of batches loaded before the cut-off. Each step is one statement
 * returning what it deleted, so that the counts are exact.
 */

export interface DeleteStep {
  /** The count it adds to (several steps may add to one count). */
  name: DeletedKind;
  /** Returns `dataset_id` per deleted row: counted per dataset, else overall. */
  perDataset: boolean;
  /** Statements without parameters run first (filling a scope table). */
  prepare?: string;
  sql: string;
}

export const DELETED_KINDS = [
  'sourceRecords', 'events', 'relationships', 'quarantinedRows', 'personRecords', 'recordLinks', 'reviewItems',
  'disputes', 'persons', 'objections', 'factorInstances', 'scores', 'personChanges',
  'allocations', 'decisions', 'consents', 'supportPlans', 'supportOutcomes', 'reidentificationRequests',
] as const;
export type DeletedKind = (typeof DELETED_KINDS)[number];

const inRecords = (column: string) => `${column} IN (SELECT id FROM ret_records)`;
const inPersons = (column: string) => `${column} IN (SELECT id FROM ret_persons)`;

export const DELETE_STEPS: readonly DeleteStep[] = [
  {
    name: 'factorInstances', perDataset: false,
    prepare: `INSERT INTO ret_factors (id, person_id, as_of)
      SELECT fi.id, fi.person_id, fi.as_of FROM factor_instances fi
      WHERE EXISTS (SELECT 1 FROM jsonb_array_elements(fi.evidence) ev
        WHERE (ev->>'eventId')::bigint IN (SELECT id FROM ret_events)
           OR (ev->>'sourceRecordId')::bigint IN (SELECT id FROM ret_records))`,
    sql: 'DELETE FROM factor_instances WHERE id IN (SELECT id FROM ret_factors) RETURNING id',
  },
  {
    name: 'scores', perDataset: false,
    sql: `DELETE FROM scores s USING (SELECT DISTINCT person_id, as_of FROM ret_factors) f
      WHERE s.person_id = f.person_id AND s.as_of = f.as_of RETURNING s.id`,
  },
  {
    name: 'relationships', perDataset: true,
    sql: `DELETE FROM relationships WHERE ${inRecords('from_record_id')} OR ${inRecords('to_record_id')} RETURNING dataset_id`,
  },
  { name: 'recordLinks', perDataset: false, sql: `DELETE FROM record_links WHERE ${inRecords('record_l')} OR ${inRecords('record_r')} RETURNING id` },
  { name: 'reviewItems', perDataset: false, sql: `DELETE FROM review_items WHERE ${inRecords('record_l')} OR ${inRecords('record_r')} RETURNING id` },
  { name: 'disputes', perDataset: false, sql: `DELETE FROM disputes WHERE ${inRecords('source_record_id')} RETURNING id` },
  {
    name: 'reidentificationRequests', perDataset: false,
    sql: `DELETE FROM reidentification_requests WHERE ${inRecords('source_record_id')} RETURNING id`,
  },
  { name: 'events', perDataset: true, sql: 'DELETE FROM events WHERE id IN (SELECT id FROM ret_events) RETURNING dataset_id' },
  { name: 'personRecords', perDataset: false, sql: `DELETE FROM person_records WHERE ${inRecords('source_record_id')} RETURNING person_id` },
  { name: 'sourceRecords', perDataset: true, sql: `DELETE FROM source_records WHERE ${inRecords('id')} RETURNING dataset_id` },
  {
    name: 'objections', perDataset: false,
    prepare: `INSERT INTO ret_persons (id)
      WITH RECURSIVE gone(id) AS (
        SELECT t.person_id FROM ret_touched t
        WHERE NOT EXISTS (SELECT 1 FROM person_records pr WHERE pr.person_id = t.person_id)
        UNION SELECT p.id FROM persons p JOIN gone g ON p.merged_into = g.id
      ) SELECT id FROM gone`,
    sql: `DELETE FROM objections WHERE ${inPersons('person_id')} RETURNING id`,
  },
  { name: 'factorInstances', perDataset: false, sql: `DELETE FROM factor_instances WHERE ${inPersons('person_id')} RETURNING id` },
  { name: 'scores', perDataset: false, sql: `DELETE FROM scores WHERE ${inPersons('person_id')} RETURNING id` },
  ...(['allocations', 'decisions', 'consents'] as const).map((name): DeleteStep => ({
    name, perDataset: false, sql: `DELETE FROM ${name} WHERE ${inPersons('person_id')} RETURNING id`,
  })),
  {
    name: 'supportOutcomes', perDataset: false,
    sql: `DELETE FROM support_outcomes WHERE plan_id IN (SELECT id FROM support_plans WHERE ${inPersons('person_id')}) RETURNING id`,
  },
  { name: 'supportPlans', perDataset: false, sql: `DELETE FROM support_plans WHERE ${inPersons('person_id')} RETURNING id` },
  {
    name: 'reidentificationRequests', perDataset: false,
    sql: `DELETE FROM reidentification_requests WHERE ${inPersons('person_id')} RETURNING id`,
  },
  {
    name: 'personChanges', perDataset: false,
    sql: `DELETE FROM person_changes pc WHERE EXISTS (
      SELECT 1 FROM jsonb_array_elements_text(pc.from_persons || pc.to_persons) AS x(person_id)
      WHERE x.person_id IN (SELECT id FROM ret_persons)) RETURNING id`,
  },
  { name: 'persons', perDataset: false, sql: `DELETE FROM persons WHERE ${inPersons('id')} RETURNING id` },
  {
    name: 'quarantinedRows', perDataset: true,
    sql: `DELETE FROM quarantined_rows q USING ingest_batches b, ret_policy p
      WHERE q.batch_id = b.id AND p.dataset_id = q.dataset_id AND (b.started_at AT TIME ZONE 'UTC')::date < p.cutoff
      RETURNING q.dataset_id`,
  },
];
