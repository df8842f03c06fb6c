import { normaliseName } from './name.ts';

const CODES: Record<string, string> = {
  b: '1', f: '1', p: '1', v: '1',
  c: '2', g: '2', j: '2', k: '2', q: '2', s: '2', x: '2', z: '2',
  d: '3', t: '3', l: '4', m: '5', n: '5', r: '6',
};

/**
 * American Soundex (first letter and three digits) of a name's letters, for blocking; diacritics
 * are folded first, spaces and other characters ignored; a name without letters gives ''.
 *
 * @example soundex('Ashcroft') // 'A261'
 */
export function soundex(name: string): string {
  const letters = (normaliseName(name) ?? '').replace(/[^a-z]/g, '');
  const first = letters[0];
  if (first === undefined) return '';
  let code = first.toUpperCase();
  let previous = CODES[first] ?? '';
  for (const ch of letters.slice(1)) {
    if (code.length === 4) break;
    if (ch === 'h' || ch === 'w') continue;
    const digit = CODES[ch] ?? '';
    if (digit !== '' && digit !== previous) code += digit;
    previous = digit;
  }
  return code.padEnd(4, '0');
}
