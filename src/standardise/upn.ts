import { idError, idOk, trimmedOrNull, type IdResult } from './id-result.ts';

/** The 23 letters of the UPN alphabet (no I, O, S): a letter's index is its value. */
const UPN_LETTERS = 'ABCDEFGHJKLMNPQRTUVWXYZ';
/** Eleven digits and a digit (permanent UPN) or a letter (temporary UPN). */
const BODY = /^\d{11}[0-9ABCDEFGHJKLMNPQRTUVWXYZ]$/;

/**
 * The DfE Unique Pupil Number check letter for the 12 characters after it: each character times
 * its position (2..13), summed, modulo 23, as a letter of A–Z without I, O and S. A temporary
 * UPN's final letter counts as its index in that alphabet (A = 0).
 *
 * @throws RangeError when `body12` is not 11 digits and a digit or UPN letter.
 * @example upnCheckLetter('801200005001') // 'B'
 */
export function upnCheckLetter(body12: string): string {
  if (!BODY.test(body12)) throw new RangeError(`upnCheckLetter needs 11 digits and a digit or letter, got "${body12}"`);
  let sum = 0;
  for (let i = 0; i < 12; i++) {
    const ch = body12[i] as string;
    const value = i === 11 && !/\d/.test(ch) ? UPN_LETTERS.indexOf(ch) : Number(ch);
    sum += value * (i + 2);
  }
  return UPN_LETTERS[sum % 23] as string;
}

/**
 * Normalises a Unique Pupil Number: strips spaces, upper-cases, needs 13 characters (check letter,
 * 11 digits, a digit or a temporary-UPN letter) and a valid check letter.
 *
 * @example normaliseUpn('b801200005001') // { ok: true, value: 'B801200005001' }
 */
export function normaliseUpn(raw: string | null | undefined): IdResult {
  const trimmed = trimmedOrNull(raw);
  if (trimmed === null) return idError('ID_EMPTY', 'UPN is empty');
  const upn = trimmed.replace(/\s/g, '').toUpperCase();
  const body = upn.slice(1);
  if (upn.length !== 13 || !UPN_LETTERS.includes(upn[0] as string) || !BODY.test(body)) {
    return idError('ID_FORMAT', `UPN "${trimmed}" is not a check letter followed by 11 digits and a digit or letter`);
  }
  if (upnCheckLetter(body) !== upn[0]) {
    return idError('ID_CHECK_DIGIT', `UPN "${trimmed}" has a wrong check letter (should be ${upnCheckLetter(body)})`);
  }
  return idOk(upn);
}
