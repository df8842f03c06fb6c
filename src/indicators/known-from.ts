/**
 * No look-ahead for what is loaded, not only for what happened: when a record, a relationship or
 * an event counts as known on the as-of date, under the configured `known_from` policy.
 * Every fragment takes the as-of placeholder (`$1::date`) and a table alias.
 */
import type { KnownFrom } from './factor-definitions.ts';

export interface KnownSql {
  /** Extra condition on an event row beyond its own dates (which always apply). */
  event(e: string, asOf: string): string;
  /** A source record row (`sr`) counts as held by its agency on the as-of date. */
  record(sr: string, asOf: string): string;
  /** A relationship row (`r`) counts as known on the as-of date. */
  relationship(r: string, asOf: string): string;
  /**
   * The first date a row counts as known, from its batch's start date and the first activity dates
   * of the records it concerns (a record: its own; a relationship: either end) — so that `record(sr, d)`
   * holds exactly when this date is on or before `d` (NULL: never). Lets a scope be computed once
   * for many dates, with joins instead of a lookup per row and date.
   */
  knownOn(batchDate: string, ...firstActivity: string[]): string;
}

/** The batch that carried a row had started by the as-of date (UK calendar date). */
const batchStarted = (alias: string, asOf: string) =>
  `EXISTS (SELECT 1 FROM ingest_batches kb WHERE kb.id = ${alias}.batch_id`
  + ` AND (kb.started_at AT TIME ZONE 'Europe/London')::date <= ${asOf})`;

/** The record had an event recorded (or, without a recorded date, occurring) by the as-of date. */
const active = (recordId: string, asOf: string) =>
  `EXISTS (SELECT 1 FROM events ka WHERE ka.source_record_id = ${recordId}`
  + ` AND COALESCE(ka.recorded_on, ka.occurred_on) <= ${asOf})`;

const policies: Record<KnownFrom, KnownSql> = {
  batch: {
    event: (e, asOf) => batchStarted(e, asOf),
    record: (sr, asOf) => batchStarted(sr, asOf),
    relationship: (r, asOf) => batchStarted(r, asOf),
    knownOn: (batch) => batch,
  },
  batch_or_activity: {
    event: () => 'TRUE',
    record: (sr, asOf) => `(${batchStarted(sr, asOf)} OR ${active(`${sr}.id`, asOf)})`,
    relationship: (r, asOf) =>
      `(${batchStarted(r, asOf)} OR ${active(`${r}.from_record_id`, asOf)} OR ${active(`${r}.to_record_id`, asOf)})`,
    knownOn: (batch, ...activity) => `LEAST(${[batch, ...activity].join(', ')})`,
  },
};

/** The SQL fragments of a `known_from` policy. */
export function knownSql(policy: KnownFrom): KnownSql {
  return policies[policy];
}
