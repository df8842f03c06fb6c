/**
 * The model's population and label as SQL over the evaluation scope: people in the cohort with no
 * proven offence on or before the as-of date, labelled 1 when their first proven offence occurs in
 * (as_of, as_of + horizon]. Disputed records count for neither.
 */
import type { SqlClient } from '../store/index.ts';

/** Proven offences: a caution or conviction, an out-of-court disposal or a court order. */
export const PROVEN_OFFENCE_CODES = [
  'police.caution', 'police.conviction', 'youth_justice.out_of_court_disposal', 'youth_justice.court_order',
] as const;

const offences = (condition: string) => `
  SELECT 1 FROM person_records opr JOIN events oe ON oe.source_record_id = opr.source_record_id
  WHERE opr.person_id = c.person_id AND oe.code = ANY($2::text[]) AND ${condition}
    AND NOT EXISTS (SELECT 1 FROM ind_excluded_records x WHERE x.record_id = oe.source_record_id)`;

export interface PopulationRow {
  person_id: string;
  age: number;
  label: boolean;
}

/**
 * Removes from the scope's cohort everyone who already offended (by the date the offence occurred,
 * whenever it was recorded), then returns the rest with their labels, ordered by person.
 */
export async function populationWithLabels(
  tx: SqlClient, options: { asOf: string; horizonMonths: number; offenceCodes: readonly string[] },
): Promise<PopulationRow[]> {
  const params = [options.asOf, options.offenceCodes, options.horizonMonths];
  await tx.query(`DELETE FROM ind_cohort c WHERE EXISTS (${offences('oe.occurred_on <= $1::date')})`, params.slice(0, 2));
  return tx.query<PopulationRow>(`
    SELECT c.person_id, c.age, EXISTS (${offences(
      'oe.occurred_on > $1::date AND oe.occurred_on <= ($1::date + make_interval(months => $3::int))::date',
    )}) AS label
    FROM ind_cohort c ORDER BY c.person_id`, params);
}
