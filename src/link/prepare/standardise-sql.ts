/**
 * Standardisation in SQL, for bulk input read straight into the engine (the CLI's CSV files):
 * the same canonical forms as the standardise stage's functions, computed column-wise.
 */
const collapse = (s: string) => `nullif(trim(regexp_replace(${s}, '\\s+', ' ', 'g')), '')`;

/**
 * Each function takes an SQL expression (a quoted column, say) and returns the standardised
 * value's SQL, or NULL for a blank value.
 */

/** Names: lower case, accents stripped, apostrophes dropped, other punctuation to spaces. */
export function nameSql(c: string): string {
  return collapse(`regexp_replace(regexp_replace(lower(strip_accents(${c})), '[''’` + '`' + `]', '', 'g'), '[^a-z]+', ' ', 'g')`);
}

/** Free text (addresses, localities, regions, attributes): lower case words and digits. */
export function textSql(expressions: string | readonly string[]): string {
  const parts = typeof expressions === 'string' ? [expressions] : expressions;
  const joined = parts.length === 1 ? parts[0]! : `concat_ws(' ', ${parts.join(', ')})`;
  return collapse(`regexp_replace(lower(strip_accents(${joined})), '[^a-z0-9]+', ' ', 'g')`);
}

/** A UK postcode as `SW1A 1AA`; any other postcode as its upper-case letters and digits. */
export function postcodeSql(c: string): string {
  const compact = `upper(regexp_replace(${c}, '[^A-Za-z0-9]', '', 'g'))`;
  return `CASE WHEN regexp_full_match(${compact}, '[A-Z]{1,2}[0-9][A-Z0-9]?[0-9][A-Z]{2}')
    THEN substr(${compact}, 1, length(${compact}) - 3) || ' ' || substr(${compact}, length(${compact}) - 2)
    ELSE nullif(${compact}, '') END`;
}

/** Sex as `m` or `f` where recognisable, else the lower-cased value. */
export function sexSql(c: string): string {
  const v = `lower(trim(${c}))`;
  return `CASE WHEN ${v} IN ('m', 'male', 'man', 'boy', '1') THEN 'm' WHEN ${v} IN ('f', 'female', 'woman', 'girl', '2') THEN 'f' ELSE nullif(${v}, '') END`;
}

/** An identifier: upper case, spaces and punctuation removed, leading zeros kept. */
export function identifierSql(c: string): string {
  return `nullif(upper(regexp_replace(${c}, '[^A-Za-z0-9]', '', 'g')), '')`;
}

/** An email address: trimmed, lower case. */
export function emailSql(c: string): string {
  return `nullif(lower(trim(${c})), '')`;
}

/** A phone number: digits only, a leading 44 country code turned into a 0. */
export function phoneSql(c: string): string {
  const digits = `regexp_replace(${c}, '[^0-9]', '', 'g')`;
  return `nullif(regexp_replace(${digits}, '^44', '0'), '')`;
}

/** Former family names separated by `;`, each standardised as a name. */
export function nameListSql(c: string): string {
  return `nullif(array_to_string(list_filter(list_transform(string_split(${c}, ';'), x -> ${nameSql('x')}), x -> x IS NOT NULL), ';'), '')`;
}
