/** The standardise stage: names, dates, postcodes and identifiers in canonical form. */
export type { IdResult } from './id-result.ts';
export { nhsCheckDigit, normaliseNhsNumber } from './nhs-number.ts';
export { upnCheckLetter, normaliseUpn } from './upn.ts';
export { normaliseNiNumber } from './ni-number.ts';
export { pncCheckLetter, normalisePncId } from './pnc-id.ts';
