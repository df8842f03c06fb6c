import { describe, expect, it } from 'vitest';
import { CONDITIONS } from './access-conditions.ts';
import { findAccessRule, grantFor, mayOpen } from './access-lookup.ts';
import { accessMatrix } from './access-matrix.ts';
import { ROLES } from './roles.ts';

describe('the access matrix', () => {
  it('lists each route once', () => {
    const keys = accessMatrix.map((r) => `${r.method} ${r.path}`);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('names only known roles and conditions, and grants no role on a public route', () => {
    for (const rule of accessMatrix) {
      for (const [role, conditions] of Object.entries(rule.roles)) {
        expect(ROLES).toContain(role);
        for (const condition of conditions) expect(CONDITIONS).toContain(condition);
      }
      if (rule.public) expect(rule.roles).toEqual({});
    }
  });

  it('makes every API route and page that shows a person require a stated purpose', () => {
    for (const rule of accessMatrix.filter((r) => r.path.includes(':personId'))) {
      for (const conditions of Object.values(rule.roles)) expect(conditions).toContain('purpose');
    }
  });

  it('gives each page and its API endpoint the same grants', () => {
    const pairs = [
      ['/worklist', '/api/v1/worklist'], ['/review', '/api/v1/review-queue'], ['/models', '/api/v1/models'],
      ['/data', '/api/v1/data'], ['/governance/audit', '/api/v1/governance/audit'],
      ['/governance/audit/verify', '/api/v1/governance/audit/verify'], ['/governance/access', '/api/v1/governance/access-matrix'],
      ['/governance/support-catalogue', '/api/v1/governance/support-catalogue'], ['/purpose', '/api/v1/purpose'],
      ['/people/:personId', '/api/v1/people/:personId'],
    ];
    for (const [page, api] of pairs) expect(findAccessRule('GET', api!)!.roles, api).toEqual(findAccessRule('GET', page!)!.roles);
  });

  it.each([
    { description: 'HEAD is looked up as GET', method: 'HEAD', path: '/data', found: true },
    { description: 'an unlisted route is not found', method: 'GET', path: '/secret', found: false },
    { description: 'a method the route does not have is not found', method: 'DELETE', path: '/data', found: false },
  ])('$description', ({ method, path, found }) => {
    expect(findAccessRule(method, path) !== undefined).toBe(found);
  });

  it.each([
    { description: 'anyone, signed in or not, on a public route', path: '/health', role: null, grant: [] },
    { description: 'nobody anonymous on a signed-in route', path: '/', role: null, grant: null },
    { description: 'an uploader on the Data section, own agency only', path: '/data', role: 'uploader' as const, grant: ['own_agency'] },
  ])('grants $description', ({ path, role, grant }) => {
    expect(grantFor(findAccessRule('GET', path)!, role)).toEqual(grant);
  });

  it('tells the navigation which sections a role may open', () => {
    expect(mayOpen('practitioner', '/worklist')).toBe(true);
    expect(mayOpen('practitioner', '/governance')).toBe(false);
    expect(mayOpen('admin', '/no-such-section')).toBe(false);
  });
});
