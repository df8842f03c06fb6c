import { describe, expect, it } from 'vitest';
import { safeNext } from '../auth/signed-in-session.ts';
import { neutraliseFormula } from '../data-pages/quarantine-csv.ts';
import { csrfTokensMatch } from './csrf.ts';

describe('csrfTokensMatch', () => {
  it.each([
    { description: 'the same token', submitted: 'abc123', ok: true },
    { description: 'a different token of the same length', submitted: 'abc124', ok: false },
    { description: 'a prefix', submitted: 'abc', ok: false },
    { description: 'nothing', submitted: undefined, ok: false },
    { description: 'an empty string', submitted: '', ok: false },
  ])('accepts only the session’s token: $description', ({ submitted, ok }) => {
    expect(csrfTokensMatch('abc123', submitted)).toBe(ok);
  });
});

describe('safeNext', () => {
  it.each([
    { description: 'a local path', next: '/people/p-123456?x=1', out: '/people/p-123456?x=1' },
    { description: 'another site', next: 'https://evil.example/', out: '/' },
    { description: 'a protocol-relative address', next: '//evil.example/', out: '/' },
    { description: 'a backslash trick', next: '/\\evil.example', out: '/' },
    { description: 'nothing', next: undefined, out: '/' },
  ])('keeps $description on the site', ({ next, out }) => {
    expect(safeNext(next)).toBe(out);
  });
});

describe('neutraliseFormula', () => {
  it.each([
    { value: '=SUM(A1)', out: "'=SUM(A1)" }, { value: '+44 1234', out: "'+44 1234" }, { value: '-1', out: "'-1" },
    { value: '@cmd', out: "'@cmd" }, { value: 'plain', out: 'plain' }, { value: '', out: '' },
  ].map((c) => ({ ...c, description: JSON.stringify(c.value) })))('makes $description safe to open in a spreadsheet', ({ value, out }) => {
    expect(neutraliseFormula(value)).toBe(out);
  });
});
