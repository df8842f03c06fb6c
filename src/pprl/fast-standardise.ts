/**
 * Fast paths of the standardise stage's functions for the common case of ASCII input: each gives
 * exactly what the stage's function gives (checked by fast-standardise.test.ts on generated data
 * and random strings), or `undefined` where it cannot tell, and the caller then uses the stage's
 * function. They avoid regular expressions, Unicode normalisation and memo lookups, which
 * dominated standardisation when encoding.
 */

const isDigit = (c: number): boolean => c >= 0x30 && c <= 0x39;
const isLower = (c: number): boolean => c >= 0x61 && c <= 0x7a;
const isUpper = (c: number): boolean => c >= 0x41 && c <= 0x5a;

/**
 * `normaliseName` on ASCII: lower-case, apostrophes (' and `) removed, every run of other
 * non-alphanumerics one space, trimmed; null when nothing is left. `undefined` for non-ASCII input.
 */
export function asciiName(raw: string): string | null | undefined {
  let out = '';
  let gap = false;
  for (let i = 0; i < raw.length; i++) {
    let c = raw.charCodeAt(i);
    if (c >= 0x80) return undefined;
    if (c === 0x27 || c === 0x60) continue;
    if (isUpper(c)) c += 0x20;
    if (isLower(c) || isDigit(c)) {
      if (gap && out !== '') out += ' ';
      gap = false;
      out += String.fromCharCode(c);
    } else {
      gap = true;
    }
  }
  return out === '' ? null : out;
}

/** The encoder's extra-id standardiser on ASCII: lower-case alphanumerics only; null when none. */
export function asciiAlphanumeric(raw: string): string | null | undefined {
  let out = '';
  for (let i = 0; i < raw.length; i++) {
    let c = raw.charCodeAt(i);
    if (c >= 0x80) return undefined;
    if (isUpper(c)) c += 0x20;
    if (isLower(c) || isDigit(c)) out += String.fromCharCode(c);
  }
  return out === '' ? null : out;
}

/** The encoder's date standardiser on eight digits: itself, in any format (a real date keeps its digits, a typo too). */
export function eightDigitDate(raw: string): string | undefined {
  if (raw.length !== 8) return undefined;
  for (let i = 0; i < 8; i++) if (!isDigit(raw.charCodeAt(i))) return undefined;
  return raw;
}

/** Fast paths by role; a role without one always takes the standardise stage's function. */
export const FAST_STANDARDISERS: Readonly<Record<string, (raw: string) => string | null | undefined>> = {
  given_name: asciiName, middle_names: asciiName, family_name: asciiName, former_family_names: asciiName,
  address: asciiName, locality: asciiName, region: asciiName,
  dob: eightDigitDate,
};

/** Soundex digits of a..z ('' for vowels and y, h, w: 0 here). */
const SOUNDEX_DIGIT = Uint8Array.from('01230120022455012623010202', (d) => d.charCodeAt(0) - 0x30);

/** `soundex` on ASCII (American Soundex of the name's letters: first letter and three digits); '' without letters; `undefined` for non-ASCII. */
export function asciiSoundex(name: string): string | undefined {
  let code = '';
  let previous = 0;
  for (let i = 0; i < name.length; i++) {
    let c = name.charCodeAt(i);
    if (c >= 0x80) return undefined;
    if (isUpper(c)) c += 0x20;
    if (!isLower(c)) continue;
    const digit = SOUNDEX_DIGIT[c - 0x61]!;
    if (code === '') { code = String.fromCharCode(c - 0x20); previous = digit; continue; }
    if (code.length === 4) continue;
    if (c === 0x68 || c === 0x77) continue;
    if (digit !== 0 && digit !== previous) code += String.fromCharCode(0x30 + digit);
    previous = digit;
  }
  return code === '' ? '' : code.padEnd(4, '0');
}

/** The first letter a..z of a standardised (lower-case) value, or undefined. */
export function firstLetter(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (isLower(c)) return value[i];
  }
  return undefined;
}
