/**
 * Scores everyone in scope as of a date with an approved version: the indicators stage's feature
 * table for that date (no look-ahead, disputed records and objectors left out), then `scorePersons`.
 * After an approval, `rescoreLatest` scores the people as of the latest date scored before, so the
 * worklist keeps showing scores from the version now approved.
 */
import { buildFeatureTable, loadFactorConfig, type FactorConfig, type FeatureTable } from '../../indicators/index.ts';
import type { Store } from '../../store/index.ts';
import { scorePersons } from './score-persons.ts';

/** The feature table as columns by name, as `scorePersons` takes it. */
export function featureColumnsOf(table: FeatureTable): Map<string, Float64Array> {
  return new Map(table.featureNames.map((name) => [name, Float64Array.from(table.rows, (row) => row.features[name] ?? Number.NaN)]));
}

/** Builds the feature table as of `asOf` and scores it with the version (which must be approved). */
export async function scoreAsOf(
  store: Store, options: { versionId: string; asOf: string; actor: string; horizonMonths?: number; config?: FactorConfig; table?: FeatureTable },
): Promise<number> {
  const table = options.table ?? await buildFeatureTable(store, { asOf: options.asOf, horizonMonths: options.horizonMonths ?? 24, config: options.config ?? loadFactorConfig() });
  return scorePersons(store, {
    versionId: options.versionId, asOf: options.asOf, actor: options.actor,
    personIds: table.rows.map((row) => row.personId), features: featureColumnsOf(table),
  });
}

/** Scores as of the latest date any version scored; null when nothing was ever scored. */
export async function rescoreLatest(store: Store, versionId: string, actor: string): Promise<number | null> {
  const [row] = await store.sql.query<{ as_of: string | null }>('SELECT max(as_of)::text AS as_of FROM scores');
  if (!row?.as_of) return null;
  return scoreAsOf(store, { versionId, asOf: row.as_of, actor });
}
