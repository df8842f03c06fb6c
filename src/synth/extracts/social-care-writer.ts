/**
 * Children's social care: an XML extract with one <Child> per child known to the service in the
 * window (a child-in-need, protection-plan or looked-after episode, or a recorded notification),
 * as the case-management system holds them today, with episodes, notifications and the parents
 * or carers recorded on the child's record (each adult with the system's own person id).
 */
import { isoDay } from '../calendar/day.ts';
import type { Person } from '../people/person.ts';
import { contactsOn } from './child-contacts.ts';
import { Counter, inWindow, LocalIds, openExtract, overlapsWindow, type ExtractContext, type ExtractWriter } from './extract-context.ts';
import { recordIdentity, type IdentityRules, type RecordedIdentity } from './recorded-identity.ts';
import { xmlText } from './text-encoding.ts';

/** The event code of each kind of care episode. */
export const CARE_CODES = { CIN: 'social_care.child_in_need', CPP: 'social_care.child_protection_plan', CLA: 'social_care.looked_after' } as const;

const DATASET = 'social-care';
const CHILD: IdentityRules = {
  holds: ['formerSurname', 'dob', 'sex', 'postcode', 'addressLine', 'nhsNumber', 'upn'],
  optional: ['formerSurname', 'postcode', 'addressLine', 'nhsNumber', 'upn', 'sex'],
  formatDate: isoDay,
};
const ADULT: IdentityRules = { holds: ['dob', 'postcode'], optional: ['dob', 'postcode'], formatDate: isoDay };
const GENDER = { F: 'Female', M: 'Male' } as const;
const ROLE = { Mother: 'Mother', Father: 'Father', 'Step-parent': 'StepParent', 'Foster carer': 'Carer' } as const;

const el = (name: string, value: string | null | undefined): string => (value ? `<${name}>${xmlText(value)}</${name}>` : '');

function knownInWindow(ctx: ExtractContext, child: Person): boolean {
  return child.life.care.some((c) => overlapsWindow(ctx, c.start, c.end))
    || child.life.incidents.some((i) => i.recorded && inWindow(ctx, i.day));
}

/** Writes social-care/children.xml, family by family. */
export function socialCareWriter(ctx: ExtractContext): ExtractWriter {
  const sink = openExtract(ctx, DATASET);
  sink.write(`<?xml version="1.0" encoding="UTF-8"?>\n<ChildrensServicesExtract la="990" extractDate="${isoDay(ctx.extractDay)}">\n`);
  const counter = new Counter('LCS', 7);
  let episodes = 0;
  return {
    add(batch) {
      const ids = new LocalIds(counter);
      const adults = new Map<string, RecordedIdentity>();
      for (const child of batch.people) {
        if (child.role !== 'child' || !knownInWindow(ctx, child)) continue;
        const id = ids.of(child.id);
        const r = recordIdentity(child, ctx.extractDay, ctx.faults.forRecord(DATASET, id, 'subject'), CHILD);
        ctx.truth.record(DATASET, id, 'subject', child.id);
        let xml = `<Child>${el('PersonID', id)}${el('Forename', r.forename)}${el('Surname', r.surname)}${el('FormerSurname', r.formerSurname)}`
          + `${el('DOB', r.dob === null ? null : isoDay(r.dob))}${el('Gender', r.sex && GENDER[r.sex])}${el('Ethnicity', child.ethnicity.code)}`
          + `${el('NHSNumber', r.nhsNumber)}${el('UPN', r.upn)}<Address>${el('Line1', r.addressLine)}${el('Postcode', r.postcode)}</Address>`;
        for (const c of child.life.care) {
          if (!overlapsWindow(ctx, c.start, c.end)) continue;
          ctx.written.mark(child.id, CARE_CODES[c.kind], c.start);
          xml += `<Episode type="${c.kind}" id="EP${String(++episodes).padStart(8, '0')}">${el('StartDate', isoDay(c.start))}`
            + `${el('EndDate', c.end === null ? null : isoDay(c.end))}</Episode>`;
        }
        for (const i of child.life.incidents) {
          if (!i.recorded || !inWindow(ctx, i.day)) continue;
          ctx.written.mark(child.id, i.kind === 'domestic_abuse' ? 'social_care.domestic_abuse_notification' : 'social_care.parental_separation', i.day);
          xml += `<Notification type="${i.kind === 'domestic_abuse' ? 'DA' : 'SEP'}">${el('Date', isoDay(i.day))}</Notification>`;
        }
        for (const c of contactsOn(batch, child, ctx.extractDay)) {
          const adultId = ids.of(c.person.id);
          let a = adults.get(adultId);
          if (!a) {
            a = recordIdentity(c.person, ctx.extractDay, ctx.faults.forRecord(DATASET, adultId, 'contact'), ADULT);
            adults.set(adultId, a);
            ctx.truth.record(DATASET, adultId, 'contact', c.person.id);
          }
          xml += `<Parent role="${ROLE[c.relationship]}">${el('PersonID', adultId)}${el('Forename', a.forename)}${el('Surname', a.surname)}`
            + `${el('DOB', a.dob === null ? null : isoDay(a.dob))}${el('Postcode', a.postcode)}</Parent>`;
        }
        sink.write(`  ${xml}</Child>\n`);
      }
    },
    close() {
      sink.write('</ChildrensServicesExtract>\n');
      sink.close();
    },
  };
}
