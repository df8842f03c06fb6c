/** The support catalogue: the shipped file is valid, every problem is reported at once, and offers are recommended by factor. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadFactorConfig } from '../indicators/index.ts';
import { parseSupportCatalogue, readSupportCatalogue, recommendOffers } from './support-catalogue.ts';

const factors = new Set(loadFactorConfig().factors.map((f) => f.id));

describe('support catalogue', () => {
  it('reads the town’s catalogue, every offer addressing known factors', () => {
    const catalogue = readSupportCatalogue('config/town', factors);
    expect(catalogue.offers.length).toBeGreaterThanOrEqual(5);
    expect(new Set(catalogue.offers.map((o) => o.type))).toEqual(new Set(['education', 'substance_misuse', 'housing', 'family_work', 'employment']));
  });

  it('treats a missing file as an empty catalogue', () => {
    expect(readSupportCatalogue('/nonexistent-config-dir')).toEqual({ offers: [] });
  });

  it.each([
    { description: 'not YAML', text: 'offers: [', problem: /not valid YAML/ },
    { description: 'an unknown type', text: 'offers:\n  - { id: a, name: A, provider: P, type: magic, addresses: [neet], referral: r }', problem: /offers\.0\.type/ },
    { description: 'a missing referral', text: 'offers:\n  - { id: a, name: A, provider: P, type: housing, addresses: [neet] }', problem: /offers\.0\.referral/ },
    { description: 'an unknown field', text: 'offers:\n  - { id: a, name: A, provider: P, type: housing, addresses: [neet], referral: r, cost: 3 }', problem: /offers\.0/ },
    { description: 'an unknown factor', text: 'offers:\n  - { id: a, name: A, provider: P, type: housing, addresses: [neet, flying], referral: r }', problem: /offers\.0\.addresses\.1: "flying" is not a factor/ },
  ])('refuses $description, saying where', ({ text, problem }) => {
    const result = parseSupportCatalogue(text, 'cat.yaml', factors);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems.join('\n')).toMatch(problem);
  });

  it('reports every problem at once, with the file name', () => {
    const text = [
      'offers:',
      '  - { id: a, name: A, provider: P, type: housing, addresses: [flying], referral: r }',
      '  - { id: a, name: B, provider: P, type: housing, addresses: [neet], referral: r }',
    ].join('\n');
    const result = parseSupportCatalogue(text, 'cat.yaml', factors);
    expect(result).toEqual({ ok: false, problems: [
      'cat.yaml: offers.0.addresses.0: "flying" is not a factor in the factor definitions',
      'cat.yaml: offers.1.id: offer "a" is listed twice',
    ] });
  });

  it('recommends the offers for a person’s factors, those covering most first', () => {
    const result = parseSupportCatalogue(readFileSync('config/town/support-catalogue.yaml', 'utf8'), 'x', factors);
    if (!result.ok) throw new Error(result.problems.join('\n'));
    const recommended = recommendOffers(result.catalogue, ['school_exclusion', 'persistent_absence']);
    expect(recommended[0]).toMatchObject({ offer: { id: 'school-inclusion-mentoring' }, addresses: ['school_exclusion', 'persistent_absence'] });
    expect(recommended.map((r) => r.offer.id)).toContain('attendance-support');
    expect(recommended.map((r) => r.offer.id)).not.toContain('youth-housing-advice');
    expect(recommendOffers(result.catalogue, [])).toEqual([]);
  });
});
