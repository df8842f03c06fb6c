/**
 * The table the model trains on, one row per young person as of a date: their age, one 0/1
 * column and one count per factor, and the label (a first proven offence within the horizon).
 * Protected characteristics travel beside the features, in their own object, for the fairness
 * audit only. Built in SQL over the same scope and evidence as the stored factors, with no
 * look-ahead; nothing is written.
 */
import { z } from 'zod';
import { EVENT_CODES } from '../ingest/mapping-schema.ts';
import type { SqlClient, Store } from '../store/index.ts';
import { addMonths, AsOfDateSchema } from './as-of-date.ts';
import { prepareScope } from './evaluation-scope.ts';
import type { FactorConfig } from './factor-definitions.ts';
import { DISTINCT_EVIDENCE, factorEvidenceSteps } from './factor-evidence.ts';
import { populationWithLabels, PROVEN_OFFENCE_CODES } from './feature-population.ts';
import { loadFactorConfig } from './load-factor-config.ts';
import { ageBand, protectedAttributes } from './protected-attributes.ts';
import { sqlParameters, withSteps } from './sql-parameters.ts';

export const FeatureTableOptionsSchema = z.object({
  asOf: AsOfDateSchema,
  horizonMonths: z.number().int().positive().default(24),
  /** Ages (whole years at the as-of date); defaults to the factor configuration's population. */
  population: z.object({ minAge: z.number().int().min(0), maxAge: z.number().int().min(0) }).optional(),
  offenceCodes: z.array(z.enum(EVENT_CODES)).min(1).default([...PROVEN_OFFENCE_CODES]),
  /** Keys of `source_records.attributes` carried as protected characteristics. */
  protectedAttributes: z.array(z.string().min(1)).default(['ethnicity', 'sen', 'fsm']),
  /** Ascending edges of the age bands reported for the audit. */
  ageBands: z.array(z.number().int()).min(2).default([10, 15, 18]),
});
export type FeatureTableOptions = z.input<typeof FeatureTableOptionsSchema> & { config?: FactorConfig };

export const FeatureRowSchema = z.object({
  personId: z.string(),
  asOf: z.string(),
  age: z.number().int(),
  /** Model inputs only: `age`, `<factor>` (0/1) and `<factor>_count`, keyed by `featureNames`. */
  features: z.record(z.string(), z.number()),
  /** 1 when the first proven offence falls in (asOf, asOf + horizon]. */
  label: z.union([z.literal(0), z.literal(1)]),
  /** FAIRNESS AUDIT ONLY — never a model input: sex, age band and any mapped attributes. */
  protected: z.record(z.string(), z.string().nullable()),
});
export type FeatureRow = z.infer<typeof FeatureRowSchema>;

export interface FeatureTable {
  asOf: string;
  horizonMonths: number;
  /** The last day of the label window. */
  horizonEnd: string;
  /** False when the store holds no event on or after the horizon's end: labels may be censored. */
  labelWindowComplete: boolean;
  featureNames: string[];
  protectedNames: string[];
  rows: FeatureRow[];
}

/** Feature names of a configuration: age, then a 0/1 column per enabled factor, then their counts. */
export function featureNames(config: FactorConfig): string[] {
  const ids = config.factors.filter((f) => f.enabled).map((f) => f.id);
  return ['age', ...ids, ...ids.map((id) => `${id}_count`)];
}

/**
 * Builds the feature table as of a date (read-only; one transaction).
 *
 * @example
 * const table = await buildFeatureTable(store, { asOf: '2021-03-31', horizonMonths: 24 });
 * table.rows[0]; // { personId, asOf, age, features: { age: 14, school_exclusion: 1, … }, label: 0, protected: { sex: 'F', … } }
 */
export async function buildFeatureTable(store: Store, options: FeatureTableOptions): Promise<FeatureTable> {
  const [table] = await buildFeatureTables(store, { ...options, asOfs: [options.asOf] });
  return table!;
}

/**
 * Builds the feature tables of several as-of dates in one transaction: what does not depend on the
 * date (dates of birth, when each person became known, protected attributes) is computed once.
 *
 * @example
 * const history = await buildFeatureTables(store, { asOfs: ['2021-03-31', '2021-09-30'], horizonMonths: 24 });
 */
export async function buildFeatureTables(
  store: Store, options: Omit<FeatureTableOptions, 'asOf'> & { asOfs: readonly string[] },
): Promise<FeatureTable[]> {
  const config = options.config ?? loadFactorConfig();
  return store.transaction(async (tx) => {
    const tables: FeatureTable[] = [];
    const [latest] = await tx.query<{ latest: string | null }>('SELECT max(occurred_on)::text AS latest FROM events');
    for (const asOf of options.asOfs) {
      tables.push(await featureTableIn(tx, FeatureTableOptionsSchema.parse({ ...options, asOf }), config, latest?.latest ?? ''));
    }
    return tables;
  });
}

async function featureTableIn(
  tx: SqlClient, o: z.output<typeof FeatureTableOptionsSchema>, config: FactorConfig, latestEvent: string,
): Promise<FeatureTable> {
  const factors = config.factors.filter((f) => f.enabled);
  const population = o.population ?? { minAge: config.population.min_age, maxAge: config.population.max_age };
  const horizonEnd = addMonths(o.asOf, o.horizonMonths);
  await prepareScope(tx, { asOf: o.asOf, ...population, knownFrom: config.known_from });
  const people = await populationWithLabels(tx, { asOf: o.asOf, horizonMonths: o.horizonMonths, offenceCodes: o.offenceCodes });
  const counts = new Map<string, Record<string, number>>();
  for (const factor of factors) {
    const p = sqlParameters();
    const steps = factorEvidenceSteps(factor, config, p.add(o.asOf, 'date'), p);
    const sql = withSteps(steps, `SELECT person_id, ${DISTINCT_EVIDENCE} AS n FROM evidence GROUP BY person_id`);
    for (const row of await tx.query<{ person_id: string; n: number }>(sql, p.values)) {
      const record = counts.get(row.person_id) ?? {};
      record[factor.id] = row.n;
      counts.set(row.person_id, record);
    }
  }
  const attributes = await protectedAttributes(tx, o.protectedAttributes);
  const rows = people.map((person): FeatureRow => {
    const n = counts.get(person.person_id) ?? {};
    const features: Record<string, number> = { age: person.age };
    for (const f of factors) features[f.id] = (n[f.id] ?? 0) >= f.min_count ? 1 : 0;
    for (const f of factors) features[`${f.id}_count`] = n[f.id] ?? 0;
    const found = attributes.get(person.person_id) ?? {};
    const protectedValues: Record<string, string | null> = { sex: found.sex ?? null, age_band: ageBand(person.age, o.ageBands) };
    for (const key of o.protectedAttributes) protectedValues[key] = found[key] ?? null;
    return { personId: person.person_id, asOf: o.asOf, age: person.age, features, label: person.label ? 1 : 0, protected: protectedValues };
  });
  return {
    asOf: o.asOf,
    horizonMonths: o.horizonMonths,
    horizonEnd,
    labelWindowComplete: latestEvent >= horizonEnd,
    featureNames: featureNames(config),
    protectedNames: ['sex', 'age_band', ...o.protectedAttributes],
    rows,
  };
}
