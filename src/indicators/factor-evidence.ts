/**
 * One factor's evidence as SQL: every event that supports it for each person in the cohort, as of
 * a date — the person's own events (`self`) or relatives' (`family`), dispatched on the subject.
 * An event counts only if it occurred within the look-back window ending on the as-of date (a spell:
 * lasted into it) and was recorded (or, with no recorded date, occurred) on or before it; disputed
 * records never count.
 *
 * The `evidence` step's columns: person_id, event_id, source_record_id, agency_id, dataset_id, code,
 * occurred_on, recorded_on, via (the related person, NULL for the person's own events), relations.
 */
import { spellInWindowSql } from './episodes.ts';
import type { FactorConfig, FactorDefinition, Subject } from './factor-definitions.ts';
import { familyRecordSteps } from './family-graph.ts';
import { knownSql } from './known-from.ts';
import type { SqlParameters, SqlStep } from './sql-parameters.ts';
import { valueConditionSql } from './value-conditions.ts';

/** What evaluating a factor needs from the configuration beyond the factor itself. */
export type EvaluationSettings = Pick<FactorConfig, 'known_from' | 'episodes'>;

interface Context {
  factor: FactorDefinition;
  settings: EvaluationSettings;
  asOf: string;
  p: SqlParameters;
  /** The event filter, built once so that its parameters are shared by every branch. */
  filter: string;
}

const selectEvents = (from: string, person: string, via: string, relations: string, record: string, filter: string) => `
  SELECT ${person} AS person_id, e.id AS event_id, e.source_record_id, sr.agency_id, e.dataset_id, e.code,
    e.occurred_on, e.recorded_on, ${via} AS via, ${relations} AS relations
  FROM ${from}
  JOIN events e ON e.source_record_id = ${record}
  JOIN source_records sr ON sr.id = e.source_record_id
  WHERE ${filter}
    AND NOT EXISTS (SELECT 1 FROM ind_excluded_records x WHERE x.record_id = e.source_record_id)`;

const ownEvents = (ctx: Context) => selectEvents(
  'ind_cohort c JOIN person_records pr ON pr.person_id = c.person_id',
  'c.person_id', 'NULL::text', 'NULL::text[]', 'pr.source_record_id', ctx.filter,
);

type Handler<K extends Subject['kind']> = (subject: Extract<Subject, { kind: K }>, ctx: Context) => SqlStep[];

const subjects: { [K in Subject['kind']]: Handler<K> } = {
  self: (_subject, ctx) => [{ name: 'evidence', sql: ownEvents(ctx) }],
  family: (subject, ctx) => {
    const related = selectEvents('family_records fr', 'fr.person_id', 'fr.via_person', 'fr.relations', 'fr.record_id', ctx.filter);
    return [
      ...familyRecordSteps(subject.relations, ctx.p),
      { name: 'evidence', sql: subject.include_self ? `${related}\n  UNION ALL${ownEvents(ctx)}` : related },
    ];
  },
};

/**
 * The condition an event must meet to evidence the factor (alias `e`): it occurred in the window
 * (or, for a spell, lasted into it) and was known by the as-of date.
 */
function eventFilter(factor: FactorDefinition, settings: EvaluationSettings, asOf: string, p: SqlParameters): string {
  const windowStart = `(${asOf} - make_interval(months => ${p.add(factor.lookback_months, 'int')}))::date`;
  return [
    `e.code = ANY(${p.add(factor.events, 'text[]')})`,
    `e.occurred_on <= ${asOf}`,
    `(e.occurred_on > ${windowStart} OR ${spellInWindowSql(factor, settings, windowStart, p)})`,
    `COALESCE(e.recorded_on, e.occurred_on) <= ${asOf}`,
    knownSql(settings.known_from).event('e', asOf),
    valueConditionSql(factor.value, 'e.value', p),
  ].join('\n    AND ');
}

/** Steps ending in `evidence` for one factor; `asOf` is a placeholder such as `$1::date`. */
export function factorEvidenceSteps(factor: FactorDefinition, settings: EvaluationSettings, asOf: string, p: SqlParameters): SqlStep[] {
  const ctx: Context = { factor, settings, asOf, p, filter: eventFilter(factor, settings, asOf, p) };
  const handler = subjects[factor.subject.kind] as Handler<Subject['kind']>;
  return handler(factor.subject, ctx);
}

/** Distinct evidence events for `min_count`: one per code, date and relative (the same event from two agencies counts once). */
export const DISTINCT_EVIDENCE = `count(DISTINCT code || '|' || occurred_on::text || '|' || COALESCE(via, ''))::int`;
