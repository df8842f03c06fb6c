import { describe, expect, it } from 'vitest';
import { dateOf, jsonbOf, readCopyBinary } from '../../../test/support/copy-binary-reader.ts';
import type { CanonicalRecord } from '../canonical-record.ts';
import { CopyBinaryRows } from './copy-binary.ts';
import { IDENTIFIER_KEYS, IDENTIFIER_TYPES, identifierFields } from './write-chunk.ts';

describe('identifierFields', () => {
  it('writes every identifier, in the order and the type of the columns the COPY names', () => {
    // each identifier holds its own name (the list role as a list, the date role a date)
    const value = (key: string): unknown => (key === 'formerFamilyNames' ? [key] : key === 'dob' ? '2011-03-04' : key);
    const identifiers = Object.fromEntries(IDENTIFIER_KEYS.map((key) => [key, value(key)]));
    const out = new CopyBinaryRows().row(IDENTIFIER_KEYS.length);
    identifierFields(out, identifiers as unknown as CanonicalRecord['identifiers']);
    const [fields] = readCopyBinary(out.take()) as [Buffer[]];
    const read = fields.map((field, i) => (IDENTIFIER_TYPES[i] === 'jsonb' ? jsonbOf(field) : IDENTIFIER_TYPES[i] === 'date' ? dateOf(field) : field.toString('utf8')));
    expect(read).toEqual(IDENTIFIER_KEYS.map(value));
  });
});
