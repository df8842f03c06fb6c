/**
 * An encoded line carries no plaintext identifier: no name, date, postcode or address, none of
 * their q-grams or standard codes (soundex), and not even their lengths — checked on generated
 * identifiers with fast-check.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { soundex } from '../../src/standardise/index.ts';
import { LinkMapSchema } from '../../src/link/index.ts';
import { createBlockingKeyer, createClkEncoder, schemaForMap, standardiseRow } from '../../src/pprl/index.ts';
import { popcount } from '../../src/pprl/bloom-filter.ts';
import { encodeLine } from '../../src/pprl/clk-file.ts';
import { FEBRL_MAP } from './febrl-generator.ts';

const map = LinkMapSchema.parse(FEBRL_MAP);
const schema = schemaForMap(map);
const secret = new TextEncoder().encode('a partnership secret of enough length');
const encode = createClkEncoder(schema, secret);
const keyer = createBlockingKeyer(schema, secret);

const word = (min: number, max: number) => fc.stringMatching(new RegExp(`^[a-z]{${min},${max}}$`));
const digits = (n: number) => fc.stringMatching(new RegExp(`^[0-9]{${n}}$`));
const row = fc.record({
  rec_id: fc.nat(99999).map((n) => `rec-${n}`),
  given_name: word(2, 14), surname: word(2, 16), street_number: fc.nat(999).map(String), address_1: fc.tuple(word(3, 10), fc.constantFrom('street', 'road', 'close')).map((w) => w.join(' ')),
  address_2: fc.oneof(fc.constant(''), word(4, 10)), suburb: word(3, 14), postcode: digits(4), state: fc.constantFrom('nsw', 'vic', 'qld', ''),
  date_of_birth: fc.date({ min: new Date('1920-01-01T00:00:00Z'), max: new Date('2015-12-31T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10).replaceAll('-', '')),
  soc_sec_id: digits(7),
});

function encodedLine(r: Record<string, string>): string {
  const std = standardiseRow(r, map);
  return encodeLine(std.id, encode(std), keyer(std));
}

const qgrams = (v: string, q: number): string[] => Array.from({ length: Math.max(0, v.length - q + 1) }, (_, i) => v.slice(i, i + q));

describe('an encoded line', () => {
  it('holds only the record id, a CLK and blocking keys, with no identifier in the clear', () => {
    fc.assert(fc.property(row, (r) => {
      const line = encodedLine(r);
      const json = JSON.parse(line) as { id: string; clk: string; keys: string[] };
      expect(Object.keys(json)).toEqual(['id', 'clk', 'keys']);
      expect(json.id).toBe(r.rec_id);
      // With the id and the base64 values blanked, what is left is the same fixed skeleton for every record.
      const skeleton = JSON.stringify({ id: '', clk: '', keys: schema.clkConfig['x-tributary']!.blocking.map(() => '') });
      const blanked = json.keys.reduce((text, key) => text.replace(`"${key}"`, '""'), line.replace(`"${json.id}"`, '""').replace(`"${json.clk}"`, '""'));
      expect(blanked).toBe(skeleton);
      // (So no q-gram of any value appears outside the base64 encodings: the skeleton is the same for all.)
      const identifiers = [r.given_name, r.surname, r.suburb, r.address_1, r.postcode, r.date_of_birth, r.date_of_birth.slice(0, 4), r.soc_sec_id];
      // The base64 text holds no value (checked for values long enough that chance cannot match) …
      const text = `${json.clk} ${json.keys.join(' ')}`;
      for (const v of identifiers.filter((x) => x.length >= 5)) expect(text).not.toContain(v);
      // … nor do the bytes it encodes: no 4-gram of any value (shorter ones match random bytes by chance), no soundex code.
      const bytes = Buffer.concat([Buffer.from(json.clk, 'base64'), ...json.keys.map((k) => Buffer.from(k, 'base64'))]);
      const codes = [soundex(r.given_name), soundex(r.surname), soundex(r.suburb), ...identifiers.flatMap((v) => qgrams(v, 4))];
      for (const c of codes) expect(bytes.includes(Buffer.from(c, 'utf8'))).toBe(false);
    }), { numRuns: 150 });
  });

  it('has the same length and the same number of set bits whatever the identifiers (no length leak)', () => {
    const lengths = new Set<number>();
    const weights = new Set<number>();
    fc.assert(fc.property(row, (r) => {
      const json = JSON.parse(encodedLine({ ...r, rec_id: 'rec-1' })) as { clk: string };
      lengths.add(encodedLine({ ...r, rec_id: 'rec-1' }).length);
      weights.add(popcount(Buffer.from(json.clk, 'base64')));
    }), { numRuns: 100 });
    expect(encodedLine({ rec_id: 'rec-1' }).length).toBe([...lengths][0]);
    expect(lengths.size).toBe(1);
    expect([...weights]).toEqual([schema.clkConfig.l]);
  });
});
