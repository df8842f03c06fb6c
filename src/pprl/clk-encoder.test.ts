import { describe, expect, it } from 'vitest';
import { popcount } from './bloom-filter.ts';
import { parseLinkageSchema } from './clkhash-schema.ts';
import { createClkEncoder } from './clk-encoder.ts';
import { defaultSchema } from './default-schema.ts';
import { diceReference } from './dice-kernel.ts';
import type { StandardRecord } from './record-standardiser.ts';

const secret = new TextEncoder().encode('sixteen bytes at least, please');
const schema = parseLinkageSchema(defaultSchema(['soc_sec_id']), 'default');
const plain = parseLinkageSchema({ ...defaultSchema([]), clkConfig: { ...defaultSchema([]).clkConfig, xorFolds: 0, 'x-tributary': { balance: false } } }, 'plain');

const person: StandardRecord = { id: 'r1', values: { given_name: 'michaela', family_name: 'neumann', dob: '19151111', postcode: '4223', locality: 'winston hills', soc_sec_id: '5304218' } };
const typo: StandardRecord = { id: 'r2', values: { ...person.values, family_name: 'nuemann', postcode: '4233' } };
const other: StandardRecord = { id: 'r3', values: { given_name: 'courtney', family_name: 'painter', dob: '19840305', postcode: '2617', locality: 'belconnen', soc_sec_id: '1826911' } };

describe('createClkEncoder', () => {
  it('is deterministic for one secret and differs under another', () => {
    const a = createClkEncoder(schema, secret)(person);
    expect(createClkEncoder(schema, secret)(person)).toEqual(a);
    expect(createClkEncoder(schema, new TextEncoder().encode('a different secret, also long'))(person)).not.toEqual(a);
  });

  it('keeps similar records similar and different records apart', () => {
    const encode = createClkEncoder(schema, secret);
    const [p, t, o] = [encode(person), encode(typo), encode(other)];
    expect(diceReference(p, t)).toBeGreaterThan(0.8);
    expect(diceReference(p, o)).toBeLessThan(0.65);
  });

  it('writes 2l-bit balanced CLKs with exactly l bits set by default', () => {
    const encode = createClkEncoder(schema, secret);
    for (const r of [person, other, { id: 'empty', values: {} }]) {
      const clk = encode(r);
      expect(clk.length * 8).toBe(2 * schema.clkConfig.l);
      expect(popcount(clk)).toBe(schema.clkConfig.l);
    }
  });

  it('without hardening, sets no bits for a record without values and leaves the id out', () => {
    const encode = createClkEncoder(plain, secret);
    expect(popcount(encode({ id: 'empty', values: {} }))).toBe(0);
    expect(encode({ ...person, id: 'another id' })).toEqual(encode(person));
  });

  it('with salting, the same name under another year of birth sets other bits', () => {
    const salted = parseLinkageSchema({
      ...defaultSchema([]), clkConfig: { ...defaultSchema([]).clkConfig, xorFolds: 0, 'x-tributary': { balance: false } },
      features: [{ identifier: 'family_name', format: { type: 'string' }, hashing: { comparison: { type: 'ngram', n: 2 }, strategy: { bitsPerFeature: 100 } }, 'x-tributary': { source: 'family_name', saltWith: 'dob_year' } }],
    }, 'salted');
    const encode = createClkEncoder(salted, secret);
    const sameYear = diceReference(encode(person), encode({ id: 'x', values: { family_name: 'neumann', dob: '19150101' } }));
    const otherYear = diceReference(encode(person), encode({ id: 'x', values: { family_name: 'neumann', dob: '19160101' } }));
    expect(sameYear).toBe(1);
    expect(otherYear).toBeLessThan(0.3);
  });
});
