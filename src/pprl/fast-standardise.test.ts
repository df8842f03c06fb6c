import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LinkMapSchema } from '../link/index.ts';
import { normaliseName, parseDate, soundex } from '../standardise/index.ts';
import { FEBRL_COLUMNS, FEBRL_MAP, generateFebrl } from '../../test/pprl/febrl-generator.ts';
import { asciiAlphanumeric, asciiName, asciiSoundex, eightDigitDate, firstLetter } from './fast-standardise.ts';
import { createFieldStandardiser, standardiseRow } from './record-standardiser.ts';

const alphanumeric = (raw: string): string | null => raw.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '') || null;
const ascii = fc.string({ unit: fc.integer({ min: 0, max: 0x7f }).map((c) => String.fromCharCode(c)), maxLength: 20 });
const anyText = fc.oneof(ascii, fc.string({ maxLength: 12 }), fc.constantFrom("O'Brien-Smith", 'Siobhán', 'd’Souza', 'ß', '  ', ''));

describe('the fast paths give what the standardise stage gives', () => {
  it('names, extra ids and soundex on ASCII and on any text (or decline)', () => {
    fc.assert(fc.property(anyText, (raw) => {
      const name = asciiName(raw);
      if (name !== undefined) expect(name).toBe(normaliseName(raw));
      const id = asciiAlphanumeric(raw);
      if (id !== undefined) expect(id).toBe(alphanumeric(raw));
      const code = asciiSoundex(raw);
      if (code !== undefined) expect(code).toBe(soundex(raw));
      expect(firstLetter(raw.toLowerCase())).toBe(raw.toLowerCase().replace(/[^a-z]/g, '')[0]);
    }), { numRuns: 2000 });
    fc.assert(fc.property(ascii, (raw) => {
      expect(asciiName(raw)).not.toBeUndefined();
      expect(asciiSoundex(raw)).not.toBeUndefined();
    }));
  });

  it('eight-digit dates stay as they are in every format', () => {
    for (const raw of ['19151111', '19151131', '00000000', '20241301']) expect(eightDigitDate(raw)).toBe(raw);
    for (const raw of ['1915-11-11', '1915111', '1915111a']) expect(eightDigitDate(raw)).toBeUndefined();
  });

  it('whole rows of generated FEBRL data standardise as the shared functions do', () => {
    const map = LinkMapSchema.parse(FEBRL_MAP);
    const data = generateFebrl({ mode: 'link', originals: 2_000, seed: 3, maxModifications: 5 });
    const header = [...FEBRL_COLUMNS];
    const fast = createFieldStandardiser(map, header);
    for (const row of [...data.a, ...data.b]) {
      const slow = standardiseRowSlowly(row, map);
      expect(fast(header.map((c) => row[c] ?? ''))).toEqual(slow);
      expect(standardiseRow(row, map)).toEqual(slow);
    }
  });
});

/** The encoder's standardisation written out with the standardise stage's functions only (as before the fast paths). */
function standardiseRowSlowly(row: Record<string, string>, map: ReturnType<typeof LinkMapSchema.parse>): { id: string; values: Record<string, string> } {
  const values: Record<string, string> = {};
  const read = (s: string | string[] | { column: string }): string => (typeof s === 'string' ? row[s] ?? ''
    : Array.isArray(s) ? s.map((c) => row[c] ?? '').filter((v) => v.trim() !== '').join(' ') : row[s.column] ?? '').trim();
  for (const [role, source] of Object.entries(map.columns)) {
    const raw = read(source as string);
    if (raw === '') continue;
    let value: string | null = null;
    if (['given_name', 'family_name', 'address', 'locality', 'region'].includes(role)) value = normaliseName(raw);
    else if (role === 'dob') {
      const parsed = parseDate(raw, 'YYYYMMDD');
      const digits = raw.replace(/\D/g, '');
      value = parsed.ok ? parsed.value.replaceAll('-', '') : digits.length === 8 ? digits : null;
    }
    else if (role === 'postcode') value = alphanumeric(raw);
    else continue;
    if (value) values[role] = value.toLowerCase();
  }
  for (const [extra, column] of Object.entries(map.extra_ids)) {
    const value = alphanumeric((row[column] ?? '').trim());
    if (value) values[extra] = value;
  }
  return { id: (row[map.id] ?? '').trim(), values };
}
