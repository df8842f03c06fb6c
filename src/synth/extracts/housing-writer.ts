/**
 * Housing: a JSON extract of homelessness applications in the window (`applications` array),
 * one per application: the main applicant as recorded on the day, the household members on the
 * application, and any temporary-accommodation placements.
 */
import { ageOn, isoDay } from '../calendar/day.ts';
import type { HomelessApplication } from '../people/life.ts';
import type { Person } from '../people/person.ts';
import { inWindow, openExtract, type ExtractContext, type ExtractWriter } from './extract-context.ts';
import { recordIdentity, type IdentityRules } from './recorded-identity.ts';

const DATASET = 'housing';
const APPLICANT: IdentityRules = {
  holds: ['dob', 'sex', 'postcode', 'addressLine', 'niNumber'],
  optional: ['sex', 'niNumber'],
  formatDate: isoDay,
};
const MEMBER: IdentityRules = { holds: ['dob'], optional: ['dob'], formatDate: isoDay };
const TA_TYPES = ['Hostel', 'Bed and breakfast', 'Private sector leased'] as const;

function relationship(applicant: Person, member: Person): string {
  if (member.role !== 'child') return 'Partner';
  if (member.motherId === applicant.id || member.fatherId === applicant.id) return member.sex === 'F' ? 'Daughter' : 'Son';
  return member.sex === 'F' ? 'Stepdaughter' : 'Stepson';
}

/** Writes housing/homelessness-applications.json, family by family (applications in date order within a family). */
export function housingWriter(ctx: ExtractContext): ExtractWriter {
  const sink = openExtract(ctx, DATASET);
  sink.write(`{"authority":"Tributary Vale Council","extractDate":"${isoDay(ctx.extractDay)}","applications":[\n`);
  let count = 0;
  return {
    add(batch) {
      const applications: Array<{ applicant: Person; application: HomelessApplication }> = [];
      for (const person of batch.people) {
        for (const application of person.life.homeless) if (inWindow(ctx, application.day)) applications.push({ applicant: person, application });
      }
      applications.sort((a, b) => a.application.day - b.application.day);
      for (const { applicant, application } of applications) {
        const caseRef = `HL/${isoDay(application.day).slice(0, 4)}/${String(++count).padStart(6, '0')}`;
        const r = recordIdentity(applicant, application.day - 1, ctx.faults.forRecord(DATASET, caseRef, 'subject'), APPLICANT);
        ctx.truth.record(DATASET, caseRef, 'subject', applicant.id);
        ctx.written.mark(applicant.id, 'housing.homelessness_application', application.day);
        const members = application.members.map((memberId, m) => {
          const member = batch.byId.get(memberId) as Person;
          const personRef = `${caseRef}/${m + 1}`;
          const mr = recordIdentity(member, application.day, ctx.faults.forRecord(DATASET, personRef, 'contact'), MEMBER);
          ctx.truth.record(DATASET, personRef, 'contact', member.id);
          return {
            personRef, forename: mr.forename, surname: mr.surname, dateOfBirth: mr.dob === null ? null : isoDay(mr.dob),
            relationship: relationship(applicant, member), age: ageOn(member.dob, application.day),
          };
        });
        const ta = application.temporary;
        const record = {
          caseRef, applicationDate: isoDay(application.day), duty: application.duty, reason: application.reason,
          applicant: {
            title: applicant.sex === 'F' ? 'Ms' : 'Mr', forename: r.forename, surname: r.surname,
            dateOfBirth: r.dob === null ? null : isoDay(r.dob), gender: r.sex, niNumber: r.niNumber,
            address: { line1: r.addressLine, town: 'Tributary Vale', postcode: r.postcode },
          },
          householdMembers: members,
          tempAccommodation: ta && ta.start <= ctx.extractDay ? [{
            placementRef: `${caseRef}/TA1`, type: TA_TYPES[count % TA_TYPES.length], startDate: isoDay(ta.start),
            endDate: ta.end <= ctx.extractDay ? isoDay(ta.end) : null, address: { line1: ta.address.line1, postcode: ta.address.postcode },
          }] : [],
        };
        sink.write(`${count > 1 ? ',\n' : ''}${JSON.stringify(record)}`);
      }
    },
    close() {
      sink.write('\n]}\n');
      sink.close();
    },
  };
}
