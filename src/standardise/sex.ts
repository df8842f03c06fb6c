export type Sex = 'M' | 'F' | 'X';

/** Spellings and codes of sex in agency extracts; unknown codes (0, 9, u, other) map to null. */
const CODES: Record<string, Sex | null> = {
  m: 'M', male: 'M', boy: 'M', man: 'M', '1': 'M',
  f: 'F', female: 'F', girl: 'F', woman: 'F', '2': 'F',
  x: 'X', i: 'X', indeterminate: 'X',
};

/**
 * Normalises a recorded sex to M, F or X (indeterminate); null for unknown, not stated, other
 * and anything unrecognised.
 *
 * @example normaliseSex(' Female ') // 'F'
 */
export function normaliseSex(raw: string | null | undefined): Sex | null {
  if (typeof raw !== 'string') return null;
  const key = raw.trim().toLowerCase();
  return Object.hasOwn(CODES, key) ? (CODES[key] ?? null) : null;
}
