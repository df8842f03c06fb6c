import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { storeTargets } from '../../../test/support/stores.ts';
import type { Store } from '../../store/index.ts';
import { exportSubjectAccess, writeSubjectAccess, type SubjectAccessExport } from './index.ts';
import { buildHousehold, type Household } from './test-household.ts';

const key = randomBytes(32);
const section = (sar: SubjectAccessExport, id: string) => sar.sections.find((s) => s.id === id)?.rows ?? [];

describe.each(storeTargets)('exportSubjectAccess on $name', (target) => {
  let store: Store;
  let household: Household;
  let child: SubjectAccessExport;
  let parent: SubjectAccessExport;

  beforeAll(async () => {
    store = await target.open();
    household = await buildHousehold(store, key);
    child = await exportSubjectAccess(store, household.child, { key, now: new Date('2024-05-01T00:00:00Z') });
    parent = await exportSubjectAccess(store, household.parent, { key });
  });
  afterAll(async () => store?.close());

  it('holds every kind of data about the child', () => {
    const counts = Object.fromEntries(child.sections.map((s) => [s.id, s.rows.length]));
    expect(counts).toEqual({
      person: 1, source_records: 2, events: 2, relationships: 1, link_confidence: 2, record_comparisons: 3,
      factors: 3, scores: 1, allocations: 1, decisions: 1, consents: 1, support_plans: 1, reidentification_requests: 1,
      objections: 0, disputes: 1, access: 1,
    });
    expect(section(child, 'source_records').map((r) => r.localId)).toEqual(['UPN-A100', 'NHS-5']);
    expect(section(child, 'events').map((r) => [r.code, r.value])).toEqual([
      ['school.suspension', '3'], ['health.substance_misuse_treatment', 'tier 3'],
    ]);
    expect(section(child, 'scores')[0]).toMatchObject({
      modelVersion: 'gam-2024-03', modelStatus: 'approved', probability: 0.31,
      contributions: { school_exclusion: 0.8, offending_parent: 0.6, substance_misuse: 0.7 },
    });
    expect(section(child, 'access')).toEqual([
      { at: '2024-04-02T09:30:00Z', actor: 'practitioner-ann', role: 'practitioner', action: 'person.view', purpose: 'early_help' },
    ]);
    expect(section(child, 'link_confidence').map((r) => r.matchProbability)).toEqual([0.998, 0.93]);
  });

  it('holds the child’s casework: allocation, decision, consent, plan with outcomes, an opened re-identification answer', () => {
    expect(section(child, 'allocations')).toMatchObject([{ team: 'East Early Help', allocatedBy: 'supervisor-sue', endedAt: null }]);
    expect(section(child, 'decisions')).toMatchObject([{
      kind: 'offer_support', reason: 'school and health together', modelVersion: 'gam-2024-03', asOf: '2024-03-31', probability: 0.31,
    }]);
    expect(section(child, 'consents')).toMatchObject([{ status: 'given', givenBy: 'parent_carer' }]);
    expect(section(child, 'support_plans')).toMatchObject([{
      offerId: 'mentoring', goal: 'back in full-time school',
      outcomes: [{ outcome: 'engaged', note: 'met mentor twice', recordedAt: '2024-05-07T10:00:00Z' }],
    }]);
    expect(section(child, 'reidentification_requests')).toMatchObject([{
      agencyId: 'school', recordId: household.childSchool, status: 'answered', reason: 'to arrange a school meeting',
      answer: { localId: 'UPN-A100', givenName: 'Jamie', familyName: 'Smith', dob: '2010-03-04' },
    }]);
    expect(section(parent, 'reidentification_requests')).toMatchObject([{ agencyId: 'police', status: 'pending', answer: null }]);
    expect(section(parent, 'support_plans')[0]?.outcomes).toMatchObject([{ outcome: 'disengaged' }]);
  });

  it('says a relationship exists and which agency holds the other record, but nothing of the parent', () => {
    expect(section(child, 'relationships')).toEqual([{
      relationshipId: 1, yourRecordId: household.childSchool, related: 'parent', recordedIn: 'school-census',
      relatedRecordAgency: 'school', relatedRecordIsYours: false,
    }]);
    const offendingParent = section(child, 'factors').find((r) => r.factor === 'offending_parent');
    expect(offendingParent?.evidence).toEqual([{
      from: 'a relative’s record', relations: ['parent_of'], agencyId: 'police', detail: '[withheld: about another person]',
    }]);
    const raw = section(child, 'source_records')[0]?.raw;
    expect(raw).toMatchObject({ Forename: 'Jamie', Surname: 'Smith', ParentName: '[withheld: about another person]' });
    const comparisons = section(child, 'record_comparisons');
    expect(comparisons.filter((r) => !r.otherIsYours).map((r) => [r.otherRecordId, r.otherAgency])).toEqual([[null, 'school'], [null, 'school']]);
  });

  const leaks = [
    { description: 'the child’s export holds nothing only about the parent', of: () => child, secrets: () => household.parentOnly },
    {
      description: 'the parent’s export holds nothing only about the child', of: () => parent,
      secrets: () => ['P-CHILD', 'Jamie', 'jamie', '2010-03-04', '04/03/2010', '9434765919', 'NHS-5', 'school.suspension',
        'health.substance', 'tier 3', 'practitioner-ann', 'suspension was withdrawn', '"UPN-A100"', ...household.childCasework],
    },
  ];
  it.each(leaks)('$description', ({ of, secrets }) => {
    const text = JSON.stringify(of());
    for (const secret of secrets()) expect(text, secret).not.toContain(secret);
  });

  it('gives the parent their own data, their objection and the fact of the relationship', () => {
    expect(section(parent, 'source_records').map((r) => r.localId)).toEqual(['UPN-A100-C1', 'CUST-7781']);
    expect(section(parent, 'objections')).toMatchObject([{ status: 'active', reason: 'parent objects by letter' }]);
    expect(section(parent, 'relationships')).toMatchObject([{ related: 'child', relatedRecordAgency: 'school' }]);
    expect(section(parent, 'source_records')[0]?.raw).toEqual({ ParentName: 'Dana Smith', ParentDOB: '30/11/1984', ParentPhone: '07700 900123' });
  });

  it('reports sealed health data as sealed without the key, and refuses an unknown person', async () => {
    const sealed = await exportSubjectAccess(store, household.child);
    expect(sealed.healthData).toBe('sealed');
    expect(section(sealed, 'events')[1]?.value).toMatch(/sealed health data/);
    expect(section(sealed, 'reidentification_requests')[0]?.answer).toMatch(/^\[sealed/);
    await expect(exportSubjectAccess(store, 'P-NOBODY')).rejects.toMatchObject({ code: 'TRB_RIGHTS_NO_PERSON' });
  });

  it('follows a merged person to the survivor and includes both references', async () => {
    await store.sql.query(`INSERT INTO persons (id, status, merged_into) VALUES ('P-CHILD-OLD', 'merged', 'P-CHILD')`);
    const merged = await exportSubjectAccess(store, 'P-CHILD-OLD', { key });
    expect(merged.personId).toBe('P-CHILD');
    expect(merged.personIds).toEqual(['P-CHILD', 'P-CHILD-OLD']);
    await store.sql.query(`DELETE FROM persons WHERE id = 'P-CHILD-OLD'`);
  });

  it('writes sar.json and an accessible sar.html', () => {
    const dir = mkdtempSync(join(tmpdir(), 'tributary-sar-'));
    try {
      const paths = writeSubjectAccess(child, dir, 'Shire Early Help Partnership');
      expect(JSON.parse(readFileSync(paths.json, 'utf8'))).toEqual(child);
      const html = readFileSync(paths.html, 'utf8');
      expect(html).toMatch(/^<!DOCTYPE html>\n<html lang="en-GB">/);
      expect(html.match(/<h2 id="s-/g)?.length).toBe(child.sections.length);
      expect(html).toContain('<th scope="col">Agency reference</th>');
      expect(html).toContain('Shire Early Help Partnership');
      expect(html).not.toMatch(/<script|https?:\/\/(?!www\.w3)/);
      for (const secret of household.parentOnly) expect(html, secret).not.toContain(secret);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
