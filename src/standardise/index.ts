/** The standardise stage: names, dates, postcodes and identifiers in canonical form. */
export type { IdResult } from './id-result.ts';
export { nhsCheckDigit, normaliseNhsNumber } from './nhs-number.ts';
export { upnCheckLetter, normaliseUpn } from './upn.ts';
export { normaliseNiNumber } from './ni-number.ts';
export { pncCheckLetter, normalisePncId } from './pnc-id.ts';

export { normaliseName, nameTokens } from './name.ts';
export { stripTitles } from './titles.ts';
export { splitFullName, type NameLayout, type NameParts } from './full-name.ts';
export { familyNameVariants } from './family-name.ts';
export { canonicalGivenName, givenNameAliases } from './nicknames.ts';
export { soundex } from './soundex.ts';

export { parseDate, type DateFormat, type DateResult } from './parse-date.ts';
export { swapDayMonth } from './swap-day-month.ts';

export { normalisePostcode, isUkPostcode, type Postcode } from './postcode.ts';
export { normaliseSex, type Sex } from './sex.ts';
export { normaliseEmail } from './email.ts';
export { normalisePhone } from './phone.ts';
