/**
 * Evaluates every enabled factor as of a date and stores the instances with their evidence,
 * replacing whatever was stored for that date (so a re-run is idempotent). All in one transaction.
 */
import type { Store } from '../store/index.ts';
import { parseAsOf } from './as-of-date.ts';
import { prepareScope } from './evaluation-scope.ts';
import type { FactorConfig, FactorDefinition } from './factor-definitions.ts';
import { DISTINCT_EVIDENCE, factorEvidenceSteps } from './factor-evidence.ts';
import { sqlParameters, withSteps } from './sql-parameters.ts';

export interface FactorSummary {
  factor: string;
  label: string;
  /** Persons with the factor as of the date. */
  persons: number;
  /** Evidence events kept across those persons. */
  evidenceEvents: number;
  seconds: number;
}

export interface EvaluationSummary {
  asOf: string;
  /** Persons in scope: the configured ages, known by the date, not objecting. */
  cohort: number;
  factors: FactorSummary[];
  seconds: number;
}

/** Evidence as stored in `factor_instances.evidence`, one JSON object per event. */
const EVIDENCE_JSON = `jsonb_agg(jsonb_strip_nulls(jsonb_build_object(
    'eventId', event_id, 'sourceRecordId', source_record_id, 'agencyId', agency_id, 'datasetId', dataset_id,
    'code', code, 'occurredOn', occurred_on::text, 'recordedOn', recorded_on::text,
    'via', via, 'relations', to_jsonb(relations)
  )) ORDER BY occurred_on, event_id)`;

/** The INSERT … SELECT for one factor, returning how many persons and evidence events it stored. */
export function insertFactorSql(factor: FactorDefinition, config: FactorConfig, asOf: string): { sql: string; params: unknown[] } {
  const p = sqlParameters();
  const asOfParam = p.add(asOf, 'date');
  const steps = factorEvidenceSteps(factor, config, asOfParam, p);
  steps.push({
    name: 'inserted',
    sql: `INSERT INTO factor_instances (person_id, factor, as_of, first_seen, last_seen, evidence)
  SELECT person_id, ${p.add(factor.id, 'text')}, ${asOfParam}, min(occurred_on), max(occurred_on), ${EVIDENCE_JSON}
  FROM evidence GROUP BY person_id
  HAVING ${DISTINCT_EVIDENCE} >= ${p.add(factor.min_count, 'int')}
  RETURNING jsonb_array_length(evidence) AS n`,
  });
  return {
    sql: withSteps(steps, 'SELECT count(*)::int AS persons, COALESCE(sum(n), 0)::int AS "evidenceEvents" FROM inserted'),
    params: p.values,
  };
}

/**
 * Evaluates the enabled factors of `config` as of `asOf` (YYYY-MM-DD) and replaces the stored
 * `factor_instances` of that date. Nothing recorded after the date influences the result.
 *
 * @example
 * const summary = await evaluateFactors(store, { asOf: '2024-03-31', config: loadFactorConfig() });
 */
export async function evaluateFactors(store: Store, options: { asOf: string; config: FactorConfig }): Promise<EvaluationSummary> {
  const asOf = parseAsOf(options.asOf);
  const { config } = options;
  const started = performance.now();
  return store.transaction(async (tx) => {
    const { cohort } = await prepareScope(tx, {
      asOf, minAge: config.population.min_age, maxAge: config.population.max_age, knownFrom: config.known_from,
    });
    await tx.query('DELETE FROM factor_instances WHERE as_of = $1::date', [asOf]);
    const factors: FactorSummary[] = [];
    for (const factor of config.factors.filter((f) => f.enabled)) {
      const t0 = performance.now();
      const { sql, params } = insertFactorSql(factor, config, asOf);
      const [row] = await tx.query<{ persons: number; evidenceEvents: number }>(sql, params);
      factors.push({
        factor: factor.id, label: factor.label, persons: row?.persons ?? 0,
        evidenceEvents: row?.evidenceEvents ?? 0, seconds: (performance.now() - t0) / 1000,
      });
    }
    return { asOf, cohort, factors, seconds: (performance.now() - started) / 1000 };
  });
}
