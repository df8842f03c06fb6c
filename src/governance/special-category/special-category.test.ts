import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  decryptSpecial, encryptSpecial, healthDisclosure, isSealed, loadSpecialCategoryKey, openEventFields,
  sealEventFields,
} from './index.ts';

const key = randomBytes(32);
const otherKey = randomBytes(32);

describe('encryptSpecial / decryptSpecial', () => {
  it('round-trips any text, with a fresh IV each time', () => {
    fc.assert(fc.property(fc.string(), (plain) => {
      const sealed = encryptSpecial(plain, key);
      expect(isSealed(sealed)).toBe(true);
      expect(decryptSpecial(sealed, key)).toBe(plain);
    }), { numRuns: 200 });
    expect(encryptSpecial('same', key)).not.toBe(encryptSpecial('same', key));
  });

  const sealed = encryptSpecial('tier 3 structured treatment', key);
  const [version, iv, tag, body] = sealed.split(':') as [string, string, string, string];
  const flip = (b64: string) => {
    const bytes = Buffer.from(b64, 'base64');
    bytes[0] = (bytes[0] as number) ^ 1;
    return bytes.toString('base64');
  };
  const cases = [
    { description: 'a changed ciphertext', envelope: [version, iv, tag, flip(body)].join(':'), code: 'TRB_SPECIAL_UNREADABLE' },
    { description: 'a changed tag', envelope: [version, iv, flip(tag), body].join(':'), code: 'TRB_SPECIAL_UNREADABLE' },
    { description: 'a changed IV', envelope: [version, flip(iv), tag, body].join(':'), code: 'TRB_SPECIAL_UNREADABLE' },
    { description: 'an unknown version', envelope: ['v9', iv, tag, body].join(':'), code: 'TRB_SPECIAL_MALFORMED' },
    { description: 'a truncated envelope', envelope: [version, iv, tag].join(':'), code: 'TRB_SPECIAL_MALFORMED' },
    { description: 'plain text', envelope: 'tier 3', code: 'TRB_SPECIAL_MALFORMED' },
  ];
  it.each(cases)('refuses $description', ({ envelope, code }) => {
    expect(() => decryptSpecial(envelope, key)).toThrow(expect.objectContaining({ code }));
  });

  it('refuses the wrong key and a key of the wrong size', () => {
    expect(() => decryptSpecial(sealed, otherKey)).toThrow(expect.objectContaining({ code: 'TRB_SPECIAL_UNREADABLE' }));
    expect(() => encryptSpecial('x', randomBytes(16))).toThrow(expect.objectContaining({ code: 'TRB_SPECIAL_BAD_KEY' }));
  });
});

describe('sealEventFields', () => {
  it('seals value and detail, is idempotent, and opens back', () => {
    const sealed = sealEventFields({ value: 'tier 3', detail: { service: 'young people’s service' } }, key);
    expect(isSealed(sealed.value)).toBe(true);
    expect(JSON.stringify(sealed.detail)).not.toContain('young people');
    expect(sealEventFields(sealed, key)).toEqual(sealed);
    expect(openEventFields(sealed, key)).toEqual({ value: 'tier 3', detail: { service: 'young people’s service' } });
    expect(sealEventFields({ value: null, detail: null }, key)).toEqual({ value: null, detail: null });
  });
});

describe('healthDisclosure', () => {
  const sealed = sealEventFields({ value: 'tier 3', detail: { service: 'CGL' } }, key);
  const health = { code: 'health.substance_misuse_treatment', specialCategory: true, ...sealed };
  const cases = [
    {
      description: 'service_contact shows only the service contact',
      event: health, level: 'service_contact', withKey: true,
      expected: { kind: 'service_contact', label: 'NHS: substance-misuse service contact' },
    },
    {
      description: 'clinical_detail opens the sealed fields',
      event: health, level: 'clinical_detail', withKey: true,
      expected: { kind: 'clinical_detail', label: 'NHS: substance-misuse service contact', value: 'tier 3', detail: { service: 'CGL' } },
    },
    {
      description: 'clinical_detail without the key falls back to the service contact',
      event: health, level: 'clinical_detail', withKey: false,
      expected: { kind: 'service_contact', label: 'NHS: substance-misuse service contact' },
    },
    {
      description: 'an unknown level falls back to the service contact',
      event: { ...health, code: 'health.other' }, level: 'everything', withKey: true,
      expected: { kind: 'service_contact', label: 'NHS: health service contact' },
    },
    {
      description: 'an event that is not special category is shown in full',
      event: { code: 'school.suspension', specialCategory: false, value: '3', detail: null }, level: 'service_contact', withKey: false,
      expected: { kind: 'full', value: '3', detail: null },
    },
  ];
  it.each(cases)('$description', ({ event, level, withKey, expected }) => {
    expect(healthDisclosure(event, { healthDisclosure: level }, withKey ? key : undefined)).toEqual(expected);
  });
});

describe('loadSpecialCategoryKey', () => {
  const hex = randomBytes(32).toString('hex');
  const cases = [
    { description: 'hex', text: hex, bytes: Buffer.from(hex, 'hex') },
    { description: 'base64', text: Buffer.from(hex, 'hex').toString('base64'), bytes: Buffer.from(hex, 'hex') },
  ];
  it.each(cases)('reads a key written as $description', ({ text, bytes }) => {
    const loaded = loadSpecialCategoryKey({ TRIBUTARY_HEALTH_KEY: text });
    expect(loaded.key.equals(bytes)).toBe(true);
    expect(loaded.source).toBe('environment');
  });

  it('refuses a short key and a missing key without the demo fallback', () => {
    expect(() => loadSpecialCategoryKey({ TRIBUTARY_HEALTH_KEY: 'c2hvcnQ=' })).toThrow(/32 bytes/);
    expect(() => loadSpecialCategoryKey({})).toThrow(/no TRIBUTARY_HEALTH_KEY/);
  });

  it('generates a demo key once in the data folder, with a warning', () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'tributary-key-'));
    try {
      const first = loadSpecialCategoryKey({}, { dataDir, allowDemoKey: true });
      const second = loadSpecialCategoryKey({}, { dataDir, allowDemoKey: true });
      expect(first.key.equals(second.key)).toBe(true);
      expect(first.source).toBe('demo-file');
      expect(first.warning).toMatch(/DEMO ONLY/);
      expect(readFileSync(join(dataDir, 'special-category.key'), 'utf8').trim()).toBe(first.key.toString('base64'));
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
