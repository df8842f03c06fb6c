import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CanonicalEventSchema, CanonicalRecordSchema } from '../canonical-record.ts';
import type { Mapping } from '../mapping-schema.ts';
import type { FlatRecord, SourceRow } from '../source-row.ts';
import { applyMapping } from './apply-mapping.ts';
import { parseMapping } from './load-mapping.ts';

function mapping(yaml: string): Mapping {
  const result = parseMapping(yaml);
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.mapping;
}

const pupils = mapping(`
dataset: pupils
agency: schools
format: csv
record:
  local_id: Id
  identifiers:
    given_name: Forename
    family_name: Surname
    dob: { column: DOB, format: DD/MM/YYYY }
    postcode: Postcode
    nhs_number: NHS
    upn: UPN
    sex: Sex
  extra_ids: { school: School }
events:
  - code: school.suspension
    date: { column: Suspended, format: DD/MM/YYYY }
  - code: school.permanent_exclusion
    date: { column: ExcludedOn, format: DD/MM/YYYY }
    when: { column: Excluded, equals: Y }
  - code_from: { column: Outcome, values: { CAUTION: police.caution } }
    date: { column: OutcomeDate, format: DD/MM/YYYY }
    value: Outcome
contacts:
  - kind_from: { column: Rel, values: { Mother: parent_of, Carer: carer_of } }
    identifiers:
      given_name: { column: ParentName, layout: FORENAMES SURNAME, part: given }
      family_name: { column: ParentName, layout: FORENAMES SURNAME, part: family }
      dob: { column: ParentDOB, format: DD/MM/YYYY }
`);

const row = (fields: FlatRecord, rowNumber = 2): SourceRow => ({ rowNumber, fields, groups: {}, raw: '' });
const base = { Id: 'P1', Forename: ' Ann ', Surname: "O'Brien", DOB: '01/02/2010' };

describe('applyMapping', () => {
  it('standardises the identifiers and keeps the mapped columns as they were', () => {
    const result = applyMapping(row({ ...base, Postcode: 'tb1 1aa', Sex: 'female', School: '1234', Ethnicity: 'X' }), pupils);
    expect(result).toMatchObject({
      ok: true,
      record: {
        kind: 'subject', localId: 'P1', rowNumber: 2, extraIds: { school: '1234' },
        identifiers: { givenName: 'ann', familyName: 'obrien', dob: '2010-02-01', postcode: 'TB1 1AA', sex: 'F' },
        raw: { Id: 'P1', Forename: ' Ann ', Surname: "O'Brien", DOB: '01/02/2010', Postcode: 'tb1 1aa', Sex: 'female', School: '1234' },
      },
      warnings: [],
    });
    expect(result.ok && result.record.raw).not.toHaveProperty('Ethnicity');
  });

  it.each<{ description: string; fields: Record<string, string>; codes: string[] }>([
    { description: 'no local id', fields: { ...base, Id: ' ' }, codes: ['INGEST_NO_LOCAL_ID'] },
    { description: 'an impossible date of birth', fields: { ...base, DOB: '31/02/2010' }, codes: ['INGEST_BAD_DOB'] },
    { description: 'no name and no identifier', fields: { Id: 'P1', DOB: '01/02/2010' }, codes: ['INGEST_NO_IDENTITY'] },
    { description: 'no name and only an invalid NHS number', fields: { Id: 'P1', NHS: '1234567890' }, codes: ['INGEST_NO_IDENTITY'] },
    { description: 'an unreadable event date', fields: { ...base, Suspended: '2023-13-45' }, codes: ['INGEST_BAD_EVENT_DATE'] },
    { description: 'an event whose condition holds but has no date', fields: { ...base, Excluded: 'Y' }, codes: ['INGEST_EVENT_DATE_MISSING'] },
    { description: 'several problems at once', fields: { Id: '', DOB: 'soon', Suspended: 'x' }, codes: ['INGEST_NO_LOCAL_ID', 'INGEST_BAD_DOB', 'INGEST_NO_IDENTITY', 'INGEST_BAD_EVENT_DATE'] },
  ])('quarantines a row with $description, giving every reason', ({ fields, codes }) => {
    const result = applyMapping(row(fields), pupils);
    expect(result.ok).toBe(false);
    expect(result.ok ? [] : result.problems.map((p) => p.code)).toEqual(codes);
  });

  it.each<{ description: string; fields: Record<string, string>; code: string; role: string }>([
    { description: 'an NHS number with a wrong check digit', fields: { NHS: '9434765918' }, code: 'INGEST_INVALID_IDENTIFIER', role: 'nhsNumber' },
    { description: 'a malformed UPN', fields: { UPN: 'XYZ' }, code: 'INGEST_INVALID_IDENTIFIER', role: 'upn' },
    { description: 'an unrecognised sex', fields: { Sex: 'Q' }, code: 'INGEST_UNKNOWN_SEX', role: 'sex' },
  ])('drops $description with a warning and loads the row', ({ fields, code, role }) => {
    const result = applyMapping(row({ ...base, ...fields }), pupils);
    expect(result).toMatchObject({ ok: true, warnings: [{ code }] });
    expect(result.ok && result.record.identifiers[role as 'upn']).toBeNull();
  });

  it('keeps a non-UK postcode as plain upper-cased text', () => {
    const result = applyMapping(row({ ...base, Postcode: 'd02  x285' }), pupils);
    expect(result.ok && result.record.identifiers.postcode).toBe('D02 X285');
  });

  it('dates events, resolves codes from values and fires a rule without `when` only when its date is present', () => {
    const result = applyMapping(row({ ...base, Suspended: '03/03/2023', Excluded: 'N', ExcludedOn: '04/04/2023', Outcome: 'CAUTION', OutcomeDate: '05/05/2023' }), pupils);
    expect(result.ok && result.events).toEqual([
      { code: 'school.suspension', occurredOn: '2023-03-03', value: null, detail: null, specialCategory: false },
      { code: 'police.caution', occurredOn: '2023-05-05', value: 'CAUTION', detail: null, specialCategory: false },
    ]);
    expect(applyMapping(row({ ...base, Outcome: 'NFA', OutcomeDate: '05/05/2023' }), pupils)).toMatchObject({ ok: true, events: [] });
  });

  it('records a contact as its own record, with a derived id and a relationship to the subject', () => {
    const result = applyMapping(row({ ...base, ParentName: 'Mary Ann Smith', Rel: 'Mother', ParentDOB: '12/12/1980' }), pupils);
    expect(result).toMatchObject({
      ok: true,
      contacts: [{ kind: 'contact', localId: 'P1~contact-1-1', identifiers: { givenName: 'mary', familyName: 'smith', dob: '1980-12-12' } }],
      relationships: [{ fromLocalId: 'P1~contact-1-1', toLocalId: 'P1', kind: 'parent_of' }],
    });
  });

  it("drops a contact's bad field, or a contact with no name, without rejecting the subject", () => {
    const badDob = applyMapping(row({ ...base, ParentName: 'Mary Smith', Rel: 'Mother', ParentDOB: '99/99/1980' }), pupils);
    expect(badDob).toMatchObject({ ok: true, contacts: [{ identifiers: { dob: null } }], warnings: [{ code: 'INGEST_CONTACT_FIELD_DROPPED' }] });
    const noName = applyMapping(row({ ...base, Rel: 'Carer' }), pupils);
    expect(noName).toMatchObject({ ok: true, contacts: [], warnings: [{ code: 'INGEST_CONTACT_DROPPED' }] });
    const unknownKind = applyMapping(row({ ...base, ParentName: 'Mary Smith', Rel: 'Neighbour' }), pupils);
    expect(unknownKind).toMatchObject({ ok: true, contacts: [], warnings: [{ code: 'INGEST_UNKNOWN_CODE_VALUE' }] });
  });

  it('emits one event per group element, reading a single object as a group of one', () => {
    const xml = mapping(`
dataset: children
agency: social-care
format: xml
options: { record_element: Child }
record: { local_id: Id, identifiers: { family_name: Surname } }
events:
  - code_from: { column: '@type', values: { CIN: social_care.child_in_need, CLA: social_care.looked_after } }
    each: Episode
    date: Start
`);
    const many: SourceRow = { rowNumber: 1, fields: { Id: 'C1', Surname: 'Smith' }, groups: { Episode: [{ '@type': 'CIN', Start: '2023-01-05' }, { '@type': 'CLA', Start: '2023-02-01' }] }, raw: '' };
    const one: SourceRow = { rowNumber: 2, fields: { Id: 'C2', Surname: 'Jones', 'Episode.@type': 'CLA', 'Episode.Start': '2022-03-01' }, groups: {}, raw: '' };
    const mapped = applyMapping(many, xml);
    expect(mapped.ok && mapped.events.map((e) => e.code)).toEqual(['social_care.child_in_need', 'social_care.looked_after']);
    expect(applyMapping(one, xml)).toMatchObject({ ok: true, events: [{ code: 'social_care.looked_after', occurredOn: '2022-03-01' }], record: { raw: { Episode: [{ '@type': 'CLA', Start: '2022-03-01' }] } } });
  });

  it('for any row, either loads records that satisfy the canonical schema or gives at least one reason', () => {
    const value = fc.oneof(fc.constant(''), fc.string({ maxLength: 12 }), fc.constantFrom('01/02/2010', '9434765919', 'Y', 'CAUTION', 'Mother', 'TB1 1AA'));
    const columns = ['Id', 'Forename', 'Surname', 'DOB', 'Postcode', 'NHS', 'UPN', 'Sex', 'School', 'Suspended', 'Excluded', 'ExcludedOn', 'Outcome', 'OutcomeDate', 'ParentName', 'Rel', 'ParentDOB'];
    fc.assert(fc.property(fc.record(Object.fromEntries(columns.map((c) => [c, value]))), (fields) => {
      const result = applyMapping(row(fields as FlatRecord), pupils);
      if (!result.ok) {
        expect(result.problems.length).toBeGreaterThan(0);
        return;
      }
      for (const record of [result.record, ...result.contacts]) CanonicalRecordSchema.parse(record);
      for (const event of result.events) CanonicalEventSchema.parse(event);
    }), { numRuns: 300 });
  });
});
