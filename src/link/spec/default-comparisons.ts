/** The default comparison for each identifier column present: levels from strongest to weakest. */
import type { Level } from '../levels/level-schema.ts';
import type { Comparison } from './linkage-spec-schema.ts';
import { isAttributeColumn, isExtraIdColumn, STRONG_ID_ROLES } from './record-columns.ts';

const tf = { weight: 1 };
const nul = (...columns: string[]): Level => ({ kind: 'null', columns });
const ELSE: Level = { kind: 'else' };

function givenName(has: (c: string) => boolean): Level[] {
  return [
    nul('given_name'),
    { kind: 'exact', column: 'given_name', tf_adjustment: tf },
    ...(has('family_name') ? [{ kind: 'name_swap', given: 'given_name', family: 'family_name', threshold: 0.92 } as Level] : []),
    { kind: 'alias', column: 'given_name' },
    { kind: 'levenshtein', column: 'given_name', max_distance: 1, damerau: true },
    { kind: 'jaro_winkler', column: 'given_name', threshold: 0.9 },
    { kind: 'jaro_winkler', column: 'given_name', threshold: 0.8 },
    { kind: 'initials', column: 'given_name' },
    ELSE,
  ];
}

function familyName(has: (c: string) => boolean): Level[] {
  return [
    nul('family_name'),
    { kind: 'exact', column: 'family_name', tf_adjustment: tf },
    ...(has('given_name') ? [{ kind: 'name_swap', given: 'given_name', family: 'family_name', threshold: 0.92 } as Level] : []),
    ...(has('former_family_names') ? [{ kind: 'former_name', column: 'family_name', former: 'former_family_names' } as Level] : []),
    { kind: 'levenshtein', column: 'family_name', max_distance: 1, damerau: true },
    { kind: 'jaro_winkler', column: 'family_name', threshold: 0.9 },
    { kind: 'jaccard', column: 'family_name', threshold: 0.5 },
    { kind: 'jaro_winkler', column: 'family_name', threshold: 0.8 },
    ELSE,
  ];
}

const BY_COLUMN: Record<string, (has: (c: string) => boolean) => Level[]> = {
  given_name: givenName,
  family_name: familyName,
  middle_names: () => [nul('middle_names'), { kind: 'exact', column: 'middle_names' },
    { kind: 'jaro_winkler', column: 'middle_names', threshold: 0.88 }, { kind: 'initials', column: 'middle_names' }, ELSE],
  dob: () => [nul('dob'), { kind: 'exact', column: 'dob' }, { kind: 'date_transposed', column: 'dob' },
    { kind: 'id_one_typo', column: 'dob' }, { kind: 'date_within', column: 'dob', days: 31 },
    { kind: 'date_same', column: 'dob', part: 'year' }, ELSE],
  sex: () => [nul('sex'), { kind: 'exact', column: 'sex' }, ELSE],
  postcode: () => [nul('postcode'), { kind: 'exact', column: 'postcode', tf_adjustment: tf },
    { kind: 'id_one_typo', column: 'postcode' }, { kind: 'postcode', column: 'postcode', part: 'sector' },
    { kind: 'postcode', column: 'postcode', part: 'district' }, ELSE],
  address: () => [nul('address'), { kind: 'exact', column: 'address' }, { kind: 'jaccard', column: 'address', threshold: 0.6 },
    { kind: 'jaro_winkler', column: 'address', threshold: 0.9 }, { kind: 'jaccard', column: 'address', threshold: 0.3 }, ELSE],
  locality: () => [nul('locality'), { kind: 'exact', column: 'locality', tf_adjustment: tf },
    { kind: 'jaro_winkler', column: 'locality', threshold: 0.88 }, ELSE],
  region: () => [nul('region'), { kind: 'exact', column: 'region' }, ELSE],
  email: () => [nul('email'), { kind: 'exact', column: 'email' }, { kind: 'levenshtein', column: 'email', max_distance: 1, damerau: true },
    { kind: 'jaro_winkler', column: 'email', threshold: 0.88 }, ELSE],
  phone: () => [nul('phone'), { kind: 'exact', column: 'phone' }, { kind: 'id_one_typo', column: 'phone' }, ELSE],
};

function identifier(column: string): Level[] {
  return [nul(column), { kind: 'exact', column }, { kind: 'id_one_typo', column },
    { kind: 'levenshtein', column, max_distance: 2, damerau: true }, ELSE];
}

function attribute(column: string): Level[] {
  return [nul(column), { kind: 'exact', column }, { kind: 'jaro_winkler', column, threshold: 0.9 }, ELSE];
}

/** Default comparisons for the columns present (former family names feed the family name comparison). */
export function defaultComparisons(columns: readonly string[]): Comparison[] {
  const has = (c: string) => columns.includes(c);
  const comparisons: Comparison[] = [];
  for (const column of columns) {
    const build = BY_COLUMN[column];
    const levels = build ? build(has)
      : (STRONG_ID_ROLES as readonly string[]).includes(column) || isExtraIdColumn(column) ? identifier(column)
        : isAttributeColumn(column) ? attribute(column) : undefined;
    if (levels) comparisons.push({ name: column, levels });
  }
  return comparisons;
}
