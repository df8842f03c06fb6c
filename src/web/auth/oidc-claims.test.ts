import { describe, expect, it } from 'vitest';
import { mapOidcClaims } from './oidc-claims.ts';
import type { OidcSettings } from '../settings.ts';

const settings: OidcSettings = {
  issuer: 'https://login.example.org', clientId: 'c', clientSecret: 's', redirectUri: 'https://t.example.org/sign-in/oidc/callback',
  scope: 'openid', roleClaim: 'groups', roleMap: { yjs: 'practitioner', managers: 'supervisor', dpo: 'ig_lead' },
  teamClaim: 'team', agencyClaim: 'agency', allowInsecureRequests: false, label: 'x',
};

describe('mapOidcClaims', () => {
  it.each([
    {
      description: 'maps one group to its role, with team and agency',
      claims: { sub: 'abc', preferred_username: 'pat', name: 'Pat', groups: ['all-staff', 'yjs'], team: 'north', agency: 'yjs-county' },
      expected: { kind: 'mapped', subject: 'https://login.example.org#abc', username: 'oidc:pat', displayName: 'Pat', role: 'practitioner', teamId: 'north', agencyId: 'yjs-county' },
    },
    {
      description: 'accepts a single string claim and falls back to the subject for names',
      claims: { sub: 'xyz', groups: 'dpo' },
      expected: { kind: 'mapped', username: 'oidc:xyz', displayName: 'xyz', role: 'ig_lead', teamId: null, agencyId: null },
    },
    { description: 'refuses a user with no mapped group', claims: { sub: 'a', groups: ['all-staff'] }, expected: { kind: 'no_role' } },
    { description: 'refuses a user without the claim', claims: { sub: 'a' }, expected: { kind: 'no_role' } },
    { description: 'refuses a user whose groups map to two roles', claims: { sub: 'a', groups: ['yjs', 'managers'] }, expected: { kind: 'ambiguous_role' } },
    { description: 'treats two groups of one role as that role', claims: { sub: 'a', groups: ['yjs', 'yjs'] }, expected: { kind: 'mapped', role: 'practitioner' } },
  ])('$description', ({ claims, expected }) => {
    expect(mapOidcClaims(claims, settings)).toMatchObject(expected);
  });
});
