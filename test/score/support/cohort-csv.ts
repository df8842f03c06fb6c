/**
 * A synthetic cohort written as the kind of CSV the model commands meet in the wild: an id column,
 * mixed numeric and categorical columns, several spellings of missing (empty, NA, ?), protected
 * attributes (ethnicity, sex, and age used also as a feature), an as-of date and a 0/1 label.
 */
import { writeFile } from 'node:fs/promises';
import { stringify } from 'csv-stringify/sync';
import { syntheticCohort } from '../../../src/score/index.ts';

export interface CohortCsvOptions {
  rows: number;
  seed?: number;
  /** Make the held-out rows' group C receive much higher scores (an injected disparity). */
  label?: string;
}

export const MISSING_SPELLINGS = ['', 'NA', '?', 'null', 'None', 'NaN'];

/** Writes the CSV and returns its rows as objects (for assertions). */
export async function writeCohortCsv(file: string, options: CohortCsvOptions): Promise<Array<Record<string, string>>> {
  const cohort = syntheticCohort({ rows: options.rows, seed: options.seed ?? 11 });
  const column = (name: string) => cohort.features.find((f) => f.name === name)!.values;
  const rows = Array.from(cohort.labels, (label, i) => {
    const text = (name: string) => {
      const value = column(name)[i];
      if (value === null || (typeof value === 'number' && Number.isNaN(value))) return MISSING_SPELLINGS[i % MISSING_SPELLINGS.length]!;
      return String(value);
    };
    const day = 1 + (i % 28);
    const month = 1 + Math.floor((i / options.rows) * 12);
    return {
      person_id: `P${String(100000 + i)}`,
      age: text('age'),
      prior_contacts: text('prior_contacts'),
      months_at_address: text('months_at_address'),
      attendance: text('attendance'),
      excluded: text('excluded'),
      area: text('area'),
      housing: text('housing'),
      ethnicity: cohort.group[i]!,
      sex: i % 3 === 0 ? 'F' : 'M',
      as_of: `2023-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`,
      [options.label ?? 'reoffended']: String(label),
    };
  });
  await writeFile(file, stringify(rows, { header: true }));
  return rows;
}
