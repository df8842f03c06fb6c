import { describe, expect, it } from 'vitest';
import { rngFor } from '../random/prng.ts';
import { digitSlip, typo } from './typo.ts';

describe('typo', () => {
  it.each([
    { description: 'a short name', value: 'Jo' },
    { description: 'a long name', value: 'Christopher' },
    { description: 'a double-barrelled name', value: 'Smith-Jones' },
    { description: 'an apostrophe', value: "O'Hara" },
  ])('always changes $description, by one slip', ({ value }) => {
    const rng = rngFor(1, 'typo', value);
    for (let i = 0; i < 200; i++) {
      const out = typo(rng, value);
      expect(out).not.toBe(value);
      expect(Math.abs(out.length - value.length)).toBeLessThanOrEqual(1);
      expect(out[0]).toBe(value[0]);
    }
  });

  it('changes exactly one digit of an identifier', () => {
    const rng = rngFor(1, 'digits');
    for (let i = 0; i < 200; i++) {
      const out = digitSlip(rng, '9990001234');
      expect([...out].filter((c, k) => c !== '9990001234'[k])).toHaveLength(1);
    }
  });
});
