import { describe, expect, it } from 'vitest';
import { columnPolicy, withoutPositions } from './column-policy.ts';

const policy = columnPolicy(['UPN', 'address', 'episodes.type', 'name.0.family', 'EpisodeOfCare']);

describe('column policy', () => {
  it.each([
    { description: 'a listed column', column: 'UPN', allowed: true },
    { description: 'an unlisted column', column: 'Ethnicity', allowed: false },
    { description: 'a column below a listed prefix', column: 'address.postcode', allowed: true },
    { description: 'a listed group column at any position', column: 'episodes.3.type', allowed: true },
    { description: 'another column of the same group', column: 'episodes.3.worker', allowed: false },
    { description: 'a listed indexed column', column: 'name.0.family', allowed: true },
    { description: 'the same column at another index', column: 'name.1.family', allowed: false },
    { description: 'any column of a listed FHIR resource group', column: 'EpisodeOfCare.period.start', allowed: true },
    { description: 'a column that merely starts with a listed name', column: 'UPNOld', allowed: false },
  ])('$description: $column → $allowed', ({ column, allowed }) => {
    expect(policy.allows(column)).toBe(allowed);
    expect(policy.allows(column)).toBe(allowed); // memoised answer is the same
  });

  it('drops array positions from a column name', () => {
    expect(withoutPositions('a.0.b.12.c')).toBe('a.b.c');
  });
});
