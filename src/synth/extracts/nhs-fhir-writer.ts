/**
 * NHS: FHIR R4 as NDJSON, one Bundle (type `collection`) per line per registered patient: the
 * Patient (NHS number, names — an `old` name for a former surname — gender, birth date,
 * address; a parent as contact for under-18s), and the patient's substance-misuse treatment
 * episodes, conditions and A&E encounters in the window.
 */
import { ageOn, isoDay } from '../calendar/day.ts';
import { Counter, inWindow, openExtract, overlapsWindow, type ExtractContext, type ExtractWriter } from './extract-context.ts';
import { emergencyEncounter, episodeOfCare, NHS_NUMBER_SYSTEM, substanceCondition } from './fhir-resources.ts';
import { recordIdentity, type IdentityRules } from './recorded-identity.ts';

const DATASET = 'nhs';
const PATIENT: IdentityRules = {
  holds: ['middleNames', 'formerSurname', 'dob', 'sex', 'postcode', 'addressLine', 'nhsNumber'],
  optional: ['middleNames', 'formerSurname', 'addressLine', 'nhsNumber'],
  formatDate: isoDay,
};
const CONTACT: IdentityRules = { holds: [], optional: [], formatDate: isoDay };
const GENDER = { F: 'female', M: 'male' } as const;

/** Writes nhs/patients.ndjson, family by family. */
export function nhsWriter(ctx: ExtractContext): ExtractWriter {
  const sink = openExtract(ctx, DATASET);
  const counter = new Counter('TVP', 8);
  let resources = 0;
  const next = (prefix: string): string => `${prefix}-${String(++resources).padStart(8, '0')}`;
  return {
    add(batch) {
      for (const person of batch.people) {
        if (person.nhsNumber === null) continue;
        const id = counter.next();
        const r = recordIdentity(person, ctx.extractDay, ctx.faults.forRecord(DATASET, id, 'subject'), PATIENT);
        ctx.truth.record(DATASET, id, 'subject', person.id);
        const names: object[] = [{ use: 'official', family: r.surname, given: [r.forename, ...(r.middleNames ? r.middleNames.split(' ') : [])] }];
        if (r.formerSurname) names.push({ use: 'old', family: r.formerSurname });
        const patient: Record<string, unknown> = {
          resourceType: 'Patient', id,
          identifier: r.nhsNumber ? [{ system: NHS_NUMBER_SYSTEM, value: r.nhsNumber }] : [],
          name: names, gender: r.sex && GENDER[r.sex], birthDate: r.dob === null ? undefined : isoDay(r.dob),
          address: [{ use: 'home', line: r.addressLine ? [r.addressLine] : [], city: 'Tributary Vale', postalCode: r.postcode }],
        };
        if (person.role === 'child' && ageOn(person.dob, ctx.extractDay) < 18) {
          const mother = batch.family.mother;
          const contactId = `${id}-C1`;
          const m = recordIdentity(mother, ctx.extractDay, ctx.faults.forRecord(DATASET, contactId, 'contact'), CONTACT);
          ctx.truth.record(DATASET, contactId, 'contact', mother.id);
          patient.contact = [{
            id: contactId,
            relationship: [{ coding: [{ system: 'http://terminology.hl7.org/CodeSystem/v2-0131', code: 'N', display: 'Next-of-Kin' }] }],
            name: { family: m.surname, given: [m.forename] },
          }];
        }
        const entries: object[] = [patient];
        for (const spell of person.life.substance) {
          const treatments = spell.treatments.filter((t) => overlapsWindow(ctx, t.start, t.end));
          if (treatments.length === 0) continue;
          entries.push(substanceCondition(next('con'), id, spell, treatments[0]?.start ?? spell.start));
          ctx.written.mark(person.id, 'behaviour.substance_misuse', spell.start);
          for (const t of treatments) {
            entries.push(episodeOfCare(next('eoc'), id, t.start, t.end));
            ctx.written.mark(person.id, 'health.substance_misuse_treatment', t.start);
          }
        }
        for (const visit of person.life.aeVisits) {
          if (!inWindow(ctx, visit.day)) continue;
          entries.push(emergencyEncounter(next('enc'), id, visit.day, visit.alcohol, (resources * 37) % 1440));
          ctx.written.mark(person.id, visit.alcohol ? 'health.alcohol_related_ae' : 'health.ae_other', visit.day);
        }
        sink.write(`${JSON.stringify({ resourceType: 'Bundle', type: 'collection', entry: entries.map((resource) => ({ resource })) })}\n`);
      }
    },
    close: () => sink.close(),
  };
}
