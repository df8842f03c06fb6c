import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normaliseEmail } from './email.ts';

describe('normaliseEmail', () => {
  it.each([
    { description: 'trimmed and lower-cased', raw: ' Jo.Bloggs@Example.ORG ', expected: 'jo.bloggs@example.org' },
    { description: 'plus addressing kept', raw: 'sam+school@example.co.uk', expected: 'sam+school@example.co.uk' },
    { description: 'subdomains', raw: 'a@mail.example.gov.uk', expected: 'a@mail.example.gov.uk' },
    { description: 'no @', raw: 'jo.bloggs.example.org', expected: null },
    { description: 'two @', raw: 'jo@bloggs@example.org', expected: null },
    { description: 'no dot in the domain', raw: 'jo@localhost', expected: null },
    { description: 'domain ends in a dot', raw: 'jo@example.', expected: null },
    { description: 'empty label in the domain', raw: 'jo@example..org', expected: null },
    { description: 'empty local part', raw: '@example.org', expected: null },
    { description: 'space inside', raw: 'jo bloggs@example.org', expected: null },
    { description: 'empty', raw: '', expected: null },
    { description: 'null', raw: null, expected: null },
  ])('$description', ({ raw, expected }) => {
    expect(normaliseEmail(raw)).toBe(expected);
  });

  it('never throws; output is lower-case, has one @ and normalises to itself', () => {
    fc.assert(fc.property(fc.oneof(fc.string(), fc.emailAddress()), (raw) => {
      const email = normaliseEmail(raw);
      if (email === null) return;
      expect(email).toBe(email.toLowerCase());
      expect(email.split('@')).toHaveLength(2);
      expect(normaliseEmail(email)).toBe(email);
    }));
  });

  it('accepts generated addresses', () => {
    fc.assert(fc.property(fc.emailAddress(), (raw) => {
      fc.pre(raw.split('@')[1]?.includes('.') === true);
      expect(normaliseEmail(raw)).toBe(raw.toLowerCase());
    }));
  });
});
