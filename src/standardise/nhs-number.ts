import { idError, idOk, trimmedOrNull, type IdResult } from './id-result.ts';

const NINE_DIGITS = /^\d{9}$/;

/**
 * The NHS number check digit (modulus 11, weights 10..2) for the first nine digits; null when the
 * check digit would be 10, so that no valid NHS number starts with these digits.
 *
 * @throws RangeError when `first9` is not nine ASCII digits.
 * @example nhsCheckDigit('999000001') // 8
 */
export function nhsCheckDigit(first9: string): number | null {
  if (!NINE_DIGITS.test(first9)) throw new RangeError(`nhsCheckDigit needs nine digits, got "${first9}"`);
  let sum = 0;
  for (let i = 0; i < 9; i++) sum += Number(first9[i]) * (10 - i);
  const check = 11 - (sum % 11);
  if (check === 11) return 0;
  return check === 10 ? null : check;
}

/**
 * Normalises an NHS number: strips spaces and dashes, needs ten digits and a valid check digit.
 *
 * @example normaliseNhsNumber('999 000 0018') // { ok: true, value: '9990000018' }
 */
export function normaliseNhsNumber(raw: string | null | undefined): IdResult {
  const trimmed = trimmedOrNull(raw);
  if (trimmed === null) return idError('ID_EMPTY', 'NHS number is empty');
  const digits = trimmed.replace(/[\s-]/g, '');
  if (!/^\d{10}$/.test(digits)) {
    return idError('ID_FORMAT', `NHS number "${trimmed}" is not ten digits`);
  }
  const expected = nhsCheckDigit(digits.slice(0, 9));
  if (expected === null || expected !== Number(digits[9])) {
    return idError('ID_CHECK_DIGIT', `NHS number "${trimmed}" has a wrong check digit (modulus 11)`);
  }
  return idOk(digits);
}
