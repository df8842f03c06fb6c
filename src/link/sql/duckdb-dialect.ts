/** The DuckDB dialect: how each linkage function is spelled in DuckDB SQL. */
import type { Dialect } from './dialect.ts';

/** Soundex (letter + three digits) with plain string functions, since DuckDB has none built in. */
function soundex(s: string): string {
  const letters = `regexp_replace(upper(${s}), '[^A-Z]', '', 'g')`;
  const coded = `translate(${letters}, 'AEIOUYHWBFPVCGJKQSXZDTLMNR', '000000991111222222223345566')`;
  // collapse runs of one code (H and W, coded 9, do not separate equal codes), then drop vowels.
  let collapsed = `regexp_replace(${coded}, '9', '', 'g')`;
  for (const d of ['0', '1', '2', '3', '4', '5', '6']) collapsed = `regexp_replace(${collapsed}, '${d}+', '${d}', 'g')`;
  const rest = `regexp_replace(substr(${collapsed}, 2), '0', '', 'g')`;
  return `CASE WHEN ${letters} = '' THEN NULL ELSE substr(substr(${letters}, 1, 1) || ${rest} || '000', 1, 4) END`;
}

export const duckdbDialect: Dialect = {
  name: 'DuckDB',
  functions: {
    jaroWinkler: (a, b) => `jaro_winkler_similarity(${a}, ${b})`,
    levenshtein: (a, b) => `levenshtein(${a}, ${b})`,
    damerauLevenshtein: (a, b) => `damerau_levenshtein(${a}, ${b})`,
    tokens: (s) => `list_distinct(string_split(${s}, ' '))`,
    tokenJaccard: (a, b) => {
      const shared = `len(list_filter(${a}, t -> list_contains(${b}, t)))`;
      return `(${shared}::DOUBLE / nullif(len(${a}) + len(${b}) - ${shared}, 0))`;
    },
    listHasAny: (a, b) => `list_has_any(${a}, ${b})`,
    listContains: (list, x) => `list_contains(${list}, ${x})`,
    listLength: (list) => `len(${list})`,
    tryDate: (s) => `try_cast(${s} AS DATE)`,
    dateDiffDays: (a, b) => `abs(date_diff('day', ${a}, ${b}))`,
    dayNumber: (s) => `date_diff('day', DATE '1970-01-01', try_cast(${s} AS DATE))`,
    substring: (s, start, length) => `substr(${s}, ${start}, ${length})`,
    soundex,
    hash: (...xs) => `hash(${xs.join(', ')})`,
    log2: (x) => `log2(${x})`,
    pow: (x, y) => `pow(${x}, ${y})`,
    regexpFullMatch: (s, pattern) => `regexp_full_match(${s}, ${pattern})`,
    regexpExtract: (s, pattern) => `regexp_extract(${s}, ${pattern})`,
    splitPart: (s, sep, n) => `split_part(${s}, ${sep}, ${n})`,
    contains: (s, part) => `contains(${s}, ${part})`,
    greatest: (...xs) => `greatest(${xs.join(', ')})`,
    concatWords: (...xs) => `nullif(concat_ws(' ', ${xs.join(', ')}), '')`,
  },
};
