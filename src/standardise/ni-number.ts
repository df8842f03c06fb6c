import { idError, idOk, trimmedOrNull, type IdResult } from './id-result.ts';

/** HMRC: D, F, I, Q, U and V are never the first letter; those and O never the second. */
const FIRST = /^[A-CEGHJ-PR-TW-Z]$/;
const SECOND = /^[A-CEGHJ-NPR-TW-Z]$/;
/** Prefixes HMRC does not allocate. */
const REFUSED_PREFIXES = new Set(['BG', 'GB', 'NK', 'KN', 'TN', 'NT', 'ZZ']);

/**
 * Normalises a National Insurance number to `AB123456C`: strips spaces and dashes, upper-cases,
 * needs an allocatable two-letter prefix, six digits and a suffix A–D.
 *
 * @example normaliseNiNumber('ab 12 34 56 c') // { ok: true, value: 'AB123456C' }
 */
export function normaliseNiNumber(raw: string | null | undefined): IdResult {
  const trimmed = trimmedOrNull(raw);
  if (trimmed === null) return idError('ID_EMPTY', 'NI number is empty');
  const ni = trimmed.replace(/[\s-]/g, '').toUpperCase();
  const match = /^([A-Z])([A-Z])\d{6}[A-D]$/.exec(ni);
  if (!match) {
    return idError('ID_FORMAT', `NI number "${trimmed}" is not two letters, six digits and a letter A–D`);
  }
  const [, first = '', second = ''] = match;
  if (!FIRST.test(first) || !SECOND.test(second) || REFUSED_PREFIXES.has(first + second)) {
    return idError('ID_FORMAT', `NI number "${trimmed}" has the prefix ${first}${second}, which HMRC does not allocate`);
  }
  return idOk(ni);
}
