/** One @, a non-empty local part, and a domain with a dot between non-empty labels; no spaces. */
const EMAIL = /^[^\s@]+@[^\s@.]+(?:\.[^\s@.]+)+$/;

/**
 * Normalises an email address: trimmed and lower-cased; null unless it has one @ and a dot in the
 * domain.
 *
 * @example normaliseEmail(' Jo.Bloggs@Example.ORG ') // 'jo.bloggs@example.org'
 */
export function normaliseEmail(raw: string | null | undefined): string | null {
  if (typeof raw !== 'string') return null;
  const email = raw.trim().toLowerCase();
  return EMAIL.test(email) ? email : null;
}
