/** Honorifics that may lead a name in an extract (Mx as well: UK systems record it). */
const TITLE = /^(?:mr|mrs|ms|miss|mx|dr|master)\.?(?:\s+|$)/i;

/**
 * Removes leading titles (Mr, Mrs, Ms, Miss, Mx, Dr, Master, with or without a full stop), in any
 * case, from a raw or normalised name; a name that is nothing but a title is kept as it is.
 *
 * @example stripTitles('Mrs. Jane Smith') // 'Jane Smith'
 */
export function stripTitles(name: string): string {
  let rest = name.trim();
  for (let match = TITLE.exec(rest); match; match = TITLE.exec(rest)) {
    const after = rest.slice(match[0].length).trim();
    if (after === '') break;
    rest = after;
  }
  return rest;
}
