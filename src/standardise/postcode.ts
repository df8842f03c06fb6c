/** A UK postcode and the units it nests in. */
export interface Postcode {
  /** `SW1A 1AA` */
  full: string;
  /** `SW1A` */
  outward: string;
  /** `1AA` */
  inward: string;
  /** `SW1A 1` */
  sector: string;
  /** `SW1A` */
  district: string;
  /** `SW` */
  area: string;
}

/**
 * The shapes of a UK postcode (A9, A99, AA9, AA99, A9A, AA9A, then 9AA), with the letters the
 * Royal Mail never uses in each position; and the special GIR 0AA.
 */
const OUTWARD = '[A-PR-UWYZ](?:\\d[\\dA-HJKPS-UW]?|[A-HK-Y]\\d[\\dABEHMNPRV-Y]?)';
const INWARD = '\\d[ABD-HJLNP-UW-Z]{2}';
const POSTCODE = new RegExp(`^(${OUTWARD}|GIR)(${INWARD})$`);

/**
 * Normalises a UK postcode written in any case, with or without its space; null for anything
 * that is not UK-shaped (an outward code alone is not a postcode).
 *
 * @example normalisePostcode('sw1a1aa') // { full: 'SW1A 1AA', outward: 'SW1A', inward: '1AA', sector: 'SW1A 1', district: 'SW1A', area: 'SW' }
 */
export function normalisePostcode(raw: string | null | undefined): Postcode | null {
  if (typeof raw !== 'string') return null;
  const match = POSTCODE.exec(raw.replace(/\s+/g, '').toUpperCase());
  if (!match) return null;
  const [, outward = '', inward = ''] = match;
  if (outward === 'GIR' && inward !== '0AA') return null;
  const area = /^[A-Z]+/.exec(outward)?.[0] ?? '';
  return { full: `${outward} ${inward}`, outward, inward, sector: `${outward} ${inward[0]}`, district: outward, area };
}

/** Whether a value is a UK-shaped postcode (see `normalisePostcode`). */
export function isUkPostcode(raw: string | null | undefined): boolean {
  return normalisePostcode(raw) !== null;
}
