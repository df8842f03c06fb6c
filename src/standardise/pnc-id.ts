import { idError, idOk, trimmedOrNull, type IdResult } from './id-result.ts';

/**
 * PNC check letters: (two-digit year followed by the 7-digit zero-padded sequence) modulo 23,
 * indexed into this alphabet (Z = 0; no I, O, S). There is no public Home Office specification;
 * this is the rule used by the Ministry of Justice's own validators (hmpps-person-record).
 */
const PNC_LETTERS = 'ZABCDEFGHJKLMNPQRTUVWXY';
/** With a slash: YYYY or YY, 1–7 sequence digits. Without: fixed width (YYYY or YY, then 7). */
const WITH_SLASH = /^(\d{4}|\d{2})\/(\d{1,7})([A-Z])$/;
const WITHOUT_SLASH = /^(\d{4}|\d{2})(\d{7})([A-Z])$/;
/** A two-digit year at or above this is 19YY, below it 20YY (the PNC dates from the 1970s). */
const CENTURY_PIVOT = 70;

/**
 * The PNC check letter for a year (two or four digits) and sequence number.
 *
 * @example pncCheckLetter('2019', '123456') // 'E'
 */
export function pncCheckLetter(year: string, sequence: string): string {
  const operand = Number(year.slice(-2) + sequence.padStart(7, '0'));
  return PNC_LETTERS[operand % 23] as string;
}

/**
 * Normalises a Police National Computer id to `YYYY/NNNNNNNX` (sequence zero-padded to 7 digits),
 * accepting `YY/N…X`, `YYYY/N…X` and the slash-less fixed-width forms, and checks the check letter.
 * A two-digit year of 70 or more is read as 19YY, below 70 as 20YY.
 *
 * @example normalisePncId('2019/123456e') // { ok: true, value: '2019/0123456E' }
 */
export function normalisePncId(raw: string | null | undefined): IdResult {
  const trimmed = trimmedOrNull(raw);
  if (trimmed === null) return idError('ID_EMPTY', 'PNC id is empty');
  const compact = trimmed.replace(/\s/g, '').toUpperCase();
  const match = WITH_SLASH.exec(compact) ?? WITHOUT_SLASH.exec(compact);
  const [, year = '', sequence = '', check = ''] = match ?? [];
  const fullYear = year.length === 2 ? `${Number(year) >= CENTURY_PIVOT ? '19' : '20'}${year}` : year;
  if (!match || !/^(19|20)\d\d$/.test(fullYear)) {
    return idError('ID_FORMAT', `PNC id "${trimmed}" is not a year, a slash, up to 7 digits and a check letter (like 2019/0123456E)`);
  }
  const expected = pncCheckLetter(fullYear, sequence);
  if (expected !== check) {
    return idError('ID_CHECK_DIGIT', `PNC id "${trimmed}" has a wrong check letter (should be ${expected})`);
  }
  return idOk(`${fullYear}/${sequence.padStart(7, '0')}${check}`);
}
