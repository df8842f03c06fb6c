/**
 * The sensitive access rules, written out independently of the matrix: if someone loosens the
 * matrix, these still fail. Each case is one request by one role and the answer it must get.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PURPOSES } from '../../src/governance/index.ts';
import { storeTargets } from '../support/stores.ts';
import { startTestApp, type DemoRole, type TestApp } from './support/web-app.ts';

interface Case {
  description: string;
  role: DemoRole;
  purpose?: string;
  method?: 'GET' | 'POST';
  url: (f: TestApp['fixtures']) => string;
  body?: Record<string, unknown>;
  status: number;
  code?: string;
  check?: (body: string, f: TestApp['fixtures']) => void;
}

const cases: Case[] = [
  {
    description: 'a practitioner without a stated purpose is sent to state one before opening a person',
    role: 'practitioner', url: (f) => `/people/${f.personId}`, status: 303,
    check: (_body) => undefined,
  },
  { description: 'the API refuses a person to a practitioner without a purpose', role: 'practitioner', url: (f) => `/api/v1/people/${f.personId}`, status: 403, code: 'PURPOSE_REQUIRED' },
  {
    description: 'a practitioner with a purpose sees the person by their id', role: 'practitioner', purpose: 'early_help',
    url: (f) => `/api/v1/people/${f.personId}`, status: 200,
    check: (body, f) => expect(JSON.parse(body)).toMatchObject({ personRef: f.personId, pseudonymised: false, purpose: 'early_help' }),
  },
  {
    description: 'an analyst sees a person only by pseudonym, never by id', role: 'analyst', purpose: 'linkage_quality',
    url: (f) => `/api/v1/people/${f.personId}`, status: 200,
    check: (body, f) => {
      expect(JSON.parse(body)).toMatchObject({ personRef: expect.stringMatching(/^psn-[0-9a-f]{16}$/), pseudonymised: true });
      expect(body).not.toContain(f.personId);
    },
  },
  { description: 'an analyst opens the review queue (identifiable records there)', role: 'analyst', url: () => '/api/v1/review-queue', status: 200 },
  { description: 'the administrator cannot open a person', role: 'admin', purpose: 'audit', url: (f) => `/api/v1/people/${f.personId}`, status: 403, code: 'FORBIDDEN' },
  { description: 'the governance lead cannot open a person', role: 'ig_lead', purpose: 'audit', url: (f) => `/people/${f.personId}`, status: 403 },
  { description: 'an uploader cannot open a person', role: 'uploader', url: (f) => `/api/v1/people/${f.personId}`, status: 403, code: 'FORBIDDEN' },
  { description: 'a person id shaped like an NHS number is refused', role: 'practitioner', purpose: 'early_help', url: () => '/api/v1/people/9434765919', status: 400, code: 'PERSON_ID_INVALID' },
  { description: 'a supervisor cannot search the audit log', role: 'supervisor', url: () => '/api/v1/governance/audit', status: 403, code: 'FORBIDDEN' },
  { description: 'the administrator cannot search the audit log (they may verify it)', role: 'admin', url: () => '/governance/audit', status: 403 },
  { description: 'the administrator verifies the audit chain', role: 'admin', url: () => '/api/v1/governance/audit/verify', status: 200 },
  { description: 'an uploader cannot open the review queue', role: 'uploader', url: () => '/review', status: 403 },
  { description: 'a practitioner cannot open the Data section', role: 'practitioner', url: () => '/data', status: 403 },
  {
    description: 'an uploader sees only their own agency’s batches and uploads, and no agreements or agencies',
    role: 'uploader', url: () => '/api/v1/data', status: 200,
    check: (body, f) => {
      const data = JSON.parse(body);
      expect(data.scope).toBe('own_agency');
      expect(data.batches.map((b: { agencyId: string }) => b.agencyId)).toEqual([f.ownAgency]);
      expect(data.agencies).toEqual([]);
      expect(data.agreements).toEqual([]);
      expect(body).not.toContain(f.otherDataset);
    },
  },
  {
    description: 'an analyst sees every agency’s batches', role: 'analyst', url: () => '/api/v1/data', status: 200,
    check: (body) => expect(JSON.parse(body).batches).toHaveLength(3),
  },
  { description: 'an uploader downloads their own agency’s quarantined rows', role: 'uploader', url: (f) => `/data/batches/${f.ownBatch}/quarantine.csv`, status: 200 },
  { description: 'an uploader cannot download another agency’s quarantined rows', role: 'uploader', url: (f) => `/data/batches/${f.otherBatch}/quarantine.csv`, status: 403 },
  { description: 'the governance lead cannot download quarantined rows (raw personal data)', role: 'ig_lead', url: (f) => `/data/batches/${f.ownBatch}/quarantine.csv`, status: 403 },
  { description: 'a practitioner reads their own team’s worklist', role: 'practitioner', url: (f) => `/api/v1/teams/${f.ownTeam}/worklist`, status: 200 },
  { description: 'a practitioner cannot read another team’s worklist', role: 'practitioner', url: (f) => `/api/v1/teams/${f.otherTeam}/worklist`, status: 403, code: 'NOT_YOUR_TEAM' },
  { description: 'a supervisor cannot read another team’s worklist', role: 'supervisor', url: (f) => `/api/v1/teams/${f.otherTeam}/worklist`, status: 403, code: 'NOT_YOUR_TEAM' },
  ...(['practitioner', 'supervisor', 'analyst'] as const).map((role): Case => ({
    description: `a ${role} stating an enforcement purpose is refused`, role, method: 'POST',
    url: () => '/api/v1/purpose', body: { purpose: 'enforcement' }, status: 403, code: 'PURPOSE_NOT_ALLOWED',
  })),
  {
    description: 'a request naming an enforcement purpose in its query is refused on any route', role: 'practitioner', purpose: 'early_help',
    url: (f) => `/api/v1/people/${f.personId}?purpose=enforcement`, status: 403, code: 'PURPOSE_NOT_ALLOWED',
  },
  {
    description: 'an analyst may not state a practitioner’s purpose', role: 'analyst', method: 'POST',
    url: () => '/api/v1/purpose', body: { purpose: 'early_help' }, status: 403, code: 'PURPOSE_NOT_ALLOWED',
  },
  {
    description: 'a practitioner may not state a purpose no agreement in force allows (prevention is the police’s only)',
    role: 'practitioner', method: 'POST', url: () => '/api/v1/purpose', body: { purpose: 'model_development' }, status: 403, code: 'PURPOSE_NOT_ALLOWED',
  },
  {
    description: 'a practitioner states early help', role: 'practitioner', method: 'POST',
    url: () => '/api/v1/purpose', body: { purpose: 'early_help' }, status: 200,
  },
];

describe('purposes', () => {
  it.each([
    { description: 'enforcement', word: 'enforce' }, { description: 'investigation', word: 'investigat' },
    { description: 'prosecution', word: 'prosecut' }, { description: 'immigration', word: 'immigra' },
    { description: 'sanctions', word: 'sanction' },
  ])('there is no $description purpose to state', ({ word }) => {
    expect(PURPOSES.filter((p) => p.includes(word))).toEqual([]);
  });
});

describe.each(storeTargets)('sensitive access rules on $name', (target) => {
  let t: TestApp;
  beforeAll(async () => { t = await startTestApp(target); });
  afterAll(async () => { await t?.close(); });

  it.each(cases)('$description', async (c) => {
    const actor = await t.actAs(c.role, c.purpose ? { purpose: c.purpose } : {});
    const response = await t.request(actor, {
      method: c.method ?? 'GET', url: c.url(t.fixtures),
      ...(c.method === 'POST' ? { headers: { 'x-csrf-token': actor.csrf }, payload: c.body ?? {} } : {}),
    });
    expect(response.statusCode, response.body.slice(0, 300)).toBe(c.status);
    if (c.code) expect(response.body).toContain(c.code);
    c.check?.(response.body, t.fixtures);
  });

  it('sends a practitioner without a purpose to the purpose page, and back to the person after', async () => {
    const actor = await t.actAs('practitioner');
    const first = await t.request(actor, { url: `/people/${t.fixtures.personId}` });
    expect(first.statusCode).toBe(303);
    expect(first.headers.location).toBe(`/purpose?next=${encodeURIComponent(`/people/${t.fixtures.personId}`)}`);
    const stated = await t.request(actor, {
      method: 'POST', url: '/purpose', payload: { _csrf: actor.csrf, purpose: 'safeguarding', next: `/people/${t.fixtures.personId}` },
    });
    expect(stated.statusCode).toBe(303);
    expect(stated.headers.location).toBe(`/people/${t.fixtures.personId}`);
    const person = await t.request(actor, { url: `/people/${t.fixtures.personId}` });
    expect(person.statusCode).toBe(200);
    expect(person.body).toContain('Jane Smith');
  });

  it('audits every view of a person with its purpose, and every refused enforcement purpose', async () => {
    const actor = await t.actAs('supervisor', { purpose: 'safeguarding' });
    await t.request(actor, { url: `/people/${t.fixtures.personId}` });
    await t.request(actor, { method: 'POST', url: '/api/v1/purpose', headers: { 'x-csrf-token': actor.csrf }, payload: { purpose: 'enforcement' } });
    const rows = await t.store.sql.query<{ action: string; subject_ref: string | null; purpose: string | null }>(
      `SELECT action, subject_ref, purpose FROM audit_log WHERE actor = 'supervisor' ORDER BY seq`,
    );
    expect(rows).toEqual(expect.arrayContaining([
      { action: 'person.view', subject_ref: t.fixtures.personId, purpose: 'safeguarding' },
      { action: 'purpose.refused', subject_ref: null, purpose: null },
    ]));
  });
});
