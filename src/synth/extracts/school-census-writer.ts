/**
 * Schools: one CSV row per pupil per spring census in the window (census-style: UPN, names,
 * DD/MM/YYYY date of birth, postcode, ethnicity, SEN, FSM, attendance, Key Stage results,
 * suspensions and exclusions), with up to two parent/carer contacts as the school's MIS holds
 * them today. A contact's id is the school's own and repeats on every row that names them.
 */
import { dmySlash, type Day } from '../calendar/day.ts';
import type { RecordFaults } from '../faults/fault-injector.ts';
import type { SchoolYear } from '../people/life.ts';
import type { Person } from '../people/person.ts';
import { contactsOn } from './child-contacts.ts';
import { inWindow, openExtract, type ExtractContext, type ExtractWriter } from './extract-context.ts';
import { recordIdentity, type IdentityRules, type RecordedIdentity } from './recorded-identity.ts';
import { csvLine } from './text-encoding.ts';

export const SCHOOL_CENSUS_COLUMNS = [
  'CensusID', 'AcademicYear', 'CensusDate', 'LAEstab', 'SchoolName', 'UPN', 'Surname', 'Forename', 'MiddleNames',
  'FormerSurname', 'DOB', 'Sex', 'AddressLine1', 'Postcode', 'Ethnicity', 'SENProvision', 'FSMEligible', 'NCYearActual',
  'EntryDate', 'SessionsPossible', 'SessionsMissed', 'OverallAbsencePct', 'AttendanceTo', 'KS2_RWM_Expected', 'KS4_EngMaths_4Plus', 'KSResultDate',
  'SuspensionCount', 'Suspension1Date', 'Suspension2Date', 'Suspension3Date', 'PermanentExclusionDate',
  'Contact1ID', 'Contact1Forename', 'Contact1Surname', 'Contact1Relationship', 'Contact1Postcode',
  'Contact2ID', 'Contact2Forename', 'Contact2Surname', 'Contact2Relationship', 'Contact2Postcode',
] as const;

const PUPIL: IdentityRules = {
  holds: ['middleNames', 'formerSurname', 'dob', 'sex', 'postcode', 'addressLine', 'upn'],
  optional: ['middleNames', 'formerSurname', 'postcode', 'addressLine'],
  formatDate: dmySlash,
};
const CONTACT: IdentityRules = { holds: ['postcode'], optional: ['postcode'], formatDate: dmySlash };
const DATASET = 'school-census';

const yn = (v: boolean | null): string | null => (v === null ? null : v ? 'Y' : 'N');
const date = (d: Day | null | undefined): string | null => (d === null || d === undefined ? null : dmySlash(d));

/** Writes schools/school-census.csv, family by family. */
export function schoolCensusWriter(ctx: ExtractContext): ExtractWriter {
  const sink = openExtract(ctx, DATASET);
  sink.write(csvLine(SCHOOL_CENSUS_COLUMNS));
  const contactCounter = new Map<string, number>();
  let rows = 0;
  return {
    add(batch) {
      const contactIds = new Map<string, string>();
      const contactRecords = new Map<string, RecordedIdentity>();
      const contactCells = (child: Person, year: SchoolYear, faults: RecordFaults): Array<string | null> => {
        const contacts = contactsOn(batch, child, year.census).filter((c) => c.livesWithChild || faults.chance(0.5)).slice(0, 2);
        const cells: Array<string | null> = [];
        for (const c of contacts) {
          const key = `${year.school.laEstab}:${c.person.id}`;
          let id = contactIds.get(key);
          if (!id) {
            const n = (contactCounter.get(year.school.laEstab) ?? 0) + 1;
            contactCounter.set(year.school.laEstab, n);
            id = `${year.school.laEstab}-C${String(n).padStart(6, '0')}`;
            contactIds.set(key, id);
            contactRecords.set(id, recordIdentity(c.person, ctx.extractDay, ctx.faults.forRecord(DATASET, id, 'contact'), CONTACT));
            ctx.truth.record(DATASET, id, 'contact', c.person.id);
          }
          const r = contactRecords.get(id) as RecordedIdentity;
          cells.push(id, r.forename, r.surname, c.relationship, r.postcode);
        }
        while (cells.length < 10) cells.push(null);
        return cells;
      };
      for (const child of batch.people) {
        for (const year of child.life.schoolYears) {
          if (!inWindow(ctx, year.census)) continue;
          const rowId = `SC${year.academicYear}-${String(++rows).padStart(7, '0')}`;
          const faults = ctx.faults.forRecord(DATASET, rowId, 'subject');
          const id = recordIdentity(child, year.census, faults, PUPIL);
          const s = year.suspensions;
          sink.write(csvLine([
            rowId, `${year.academicYear}/${String((year.academicYear + 1) % 100).padStart(2, '0')}`, dmySlash(year.census),
            year.school.laEstab, year.school.name, id.upn, id.surname, id.forename, id.middleNames, id.formerSurname,
            date(id.dob), id.sex, id.addressLine, id.postcode, faults.optional('ethnicity', child.ethnicity.code),
            year.sen, yn(year.fsm), year.ncYear === 0 ? 'R' : String(year.ncYear), dmySlash(year.entry),
            year.sessionsPossible, year.sessionsMissed, (100 * year.sessionsMissed / Math.max(1, year.sessionsPossible)).toFixed(1),
            dmySlash(year.attendanceTo), yn(year.ks2Expected), yn(year.ks4EngMaths4), date(year.resultsDay), s.length, date(s[0]), date(s[1]), date(s[2]), date(year.permanentExclusion),
            ...contactCells(child, year, faults),
          ]));
          ctx.truth.record(DATASET, rowId, 'subject', child.id);
          if (year.sessionsMissed / Math.max(1, year.sessionsPossible) >= 0.1) ctx.written.mark(child.id, 'school.persistent_absence', year.attendanceTo);
          for (const d of s.slice(0, 3)) ctx.written.mark(child.id, 'school.suspension', d);
          if (year.permanentExclusion !== null) ctx.written.mark(child.id, 'school.permanent_exclusion', year.permanentExclusion);
        }
      }
    },
    close: () => sink.close(),
  };
}
