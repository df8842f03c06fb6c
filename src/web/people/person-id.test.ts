import { describe, expect, it } from 'vitest';
import { PersonIdSchema } from './person-id.ts';
import { pseudonymFor } from './pseudonym.ts';

describe('person ids in addresses', () => {
  it.each([
    { description: 'an opaque id', id: 'p-7f3a9c2e', ok: true },
    { description: 'a uuid', id: '0b6a1d8e-5c1f-4c4e-9d53-2f1a0c7e9b11', ok: true },
    { description: 'an NHS number', id: '9434765919', ok: false },
    { description: 'a unique pupil number', id: 'A123456789012', ok: false },
    { description: 'a National Insurance number', id: 'QQ123456C', ok: false },
    { description: 'a PNC id', id: '2001/0012345Z', ok: false },
    { description: 'any all-digit number', id: '12345678', ok: false },
    { description: 'a name with a space', id: 'Jane Smith', ok: false },
    { description: 'an email address', id: 'jane@example.org', ok: false },
    { description: 'too short', id: 'p1', ok: false },
  ])('$description is ' + '$ok', ({ id, ok }) => {
    expect(PersonIdSchema.safeParse(id).success).toBe(ok);
  });
});

describe('pseudonyms', () => {
  it('are stable for a key, differ between keys and people, and do not contain the id', () => {
    const a = pseudonymFor('key-one-0123456789', 'p-7f3a9c2e');
    expect(a).toMatch(/^psn-[0-9a-f]{16}$/);
    expect(pseudonymFor('key-one-0123456789', 'p-7f3a9c2e')).toBe(a);
    expect(pseudonymFor('key-two-0123456789', 'p-7f3a9c2e')).not.toBe(a);
    expect(pseudonymFor('key-one-0123456789', 'p-7f3a9c2f')).not.toBe(a);
    expect(a).not.toContain('7f3a9c2e');
  });
});
