import { describe, expect, it } from 'vitest';
import type { CanonicalRecord } from '../canonical-record.ts';
import { CopyRows } from './copy-text.ts';
import { IDENTIFIER_KEYS, identifierFields } from './write-chunk.ts';

describe('identifierFields', () => {
  it('writes every identifier, in the order of the columns the COPY names', () => {
    // each identifier holds its own name (the one list role holds it as a list)
    const identifiers = Object.fromEntries(IDENTIFIER_KEYS.map((key) => [key, key === 'formerFamilyNames' ? [key] : key]));
    const out = new CopyRows();
    identifierFields(out, identifiers as unknown as CanonicalRecord['identifiers']);
    const fields = out.end().take().toString().trimEnd().split('\t');
    expect(fields).toEqual(IDENTIFIER_KEYS.map((key) => (key === 'formerFamilyNames' ? JSON.stringify([key]) : key)));
  });
});
