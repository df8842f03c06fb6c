import { describe, expect, it } from 'vitest';
import { parseBiasSpec, recordingFactor } from './bias-spec.ts';
import { parseAgeProfile, parseFaultSpec } from './option-specs.ts';

describe('--bias', () => {
  it.each([
    { description: 'an ethnic group for the police', spec: 'police:ethnicity=Black:2.0', ok: true },
    { description: 'sex', spec: 'police:sex=M:1.5', ok: true },
    { description: 'an unknown agency', spec: 'schools:ethnicity=Black:2', ok: false },
    { description: 'an unknown group', spec: 'police:ethnicity=Martian:2', ok: false },
    { description: 'no factor', spec: 'police:ethnicity=Black', ok: false },
    { description: 'a zero factor', spec: 'police:ethnicity=Black:0', ok: false },
  ])('$description: $spec', ({ spec, ok }) => {
    expect(parseBiasSpec(spec).ok).toBe(ok);
  });

  it('multiplies the factors that match the person, and only for the agency named', () => {
    const parsed = ['police:ethnicity=Black:2', 'police:sex=M:1.5'].map(parseBiasSpec).flatMap((p) => (p.ok ? [p.bias] : []));
    expect(recordingFactor(parsed, 'police', { ethnicGroup: 'Black', sex: 'M' })).toBe(3);
    expect(recordingFactor(parsed, 'police', { ethnicGroup: 'White', sex: 'F' })).toBe(1);
  });
});

describe('--fault and --age-profile', () => {
  it.each([
    { description: 'a known fault', spec: 'typo=0.05', ok: true },
    { description: 'an unknown fault', spec: 'spelling=0.05', ok: false },
    { description: 'a rate above one', spec: 'typo=1.5', ok: false },
  ])('$description: $spec', ({ spec, ok }) => {
    expect(parseFaultSpec(spec).ok).toBe(ok);
  });

  it.each([
    { description: 'bands', spec: '0-4:5,5-25:21', bands: 2 },
    { description: 'a band past 25', spec: '0-30:1', bands: null },
    { description: 'a reversed band', spec: '9-4:1', bands: null },
  ])('$description: $spec', ({ spec, bands }) => {
    const parsed = parseAgeProfile(spec);
    expect(parsed.ok ? parsed.value.length : null).toBe(bands);
  });
});
