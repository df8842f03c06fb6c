/**
 * Normalises a UK phone number to national digits with a leading 0: punctuation dropped, +44,
 * 0044 or a bare 44 country code (and a following "(0)") replaced by 0, and a 10-digit number
 * that lost its leading 0 (as spreadsheets do) given it back; null unless 10–11 digits result.
 *
 * @example normalisePhone('+44 (0)20 7946 0123') // '02079460123'
 */
export function normalisePhone(raw: string | null | undefined): string | null {
  if (typeof raw !== 'string') return null;
  const trimmed = raw.trim();
  let digits = trimmed.replace(/\D/g, '');
  const international = /^\+44/.test(trimmed) || digits.startsWith('0044') || (digits.startsWith('44') && digits.length >= 12);
  if (international) {
    digits = digits.replace(/^(?:00)?44/, '');
    if (!digits.startsWith('0')) digits = `0${digits}`;
  } else if (trimmed.startsWith('+') || digits.startsWith('00')) {
    return null;
  } else if (digits.length === 10 && !digits.startsWith('0')) {
    digits = `0${digits}`;
  }
  return /^0\d{9,10}$/.test(digits) ? digits : null;
}
