/**
 * Careers (the CCIS tracking of 16–24s): a CSV of activity records — each NEET spell the service
 * knew of, and a yearly "in education or training" record for 16–17-year-olds who were not NEET
 * — with the young person's CCIS id and, from school, their UPN.
 */
import { addYears, ageOn, dayOf, dmySlash, type Day } from '../calendar/day.ts';
import { academicYearOf } from '../calendar/school-year.ts';
import type { Person } from '../people/person.ts';
import { Counter, inWindow, openExtract, type ExtractContext, type ExtractWriter } from './extract-context.ts';
import { recordIdentity, type IdentityRules } from './recorded-identity.ts';
import { csvLine } from './text-encoding.ts';

export const CAREERS_COLUMNS = [
  'RecordRef', 'CCISID', 'Forename', 'Surname', 'DOB', 'Gender', 'Postcode', 'UPN',
  'ActivityCode', 'ActivityDescription', 'ActivityStartDate', 'ActivityEndDate',
] as const;

export const NEET_ACTIVITY_CODES = ['540', '550', '610', '630'] as const;
const DESCRIPTIONS: Record<string, string> = {
  '540': 'NEET - seeking employment, education or training', '550': 'NEET - not yet ready for work or learning',
  '610': 'NEET - young carer', '630': 'NEET - illness', '110': 'Full-time education - school sixth form',
  '130': 'Full-time education - further education', '210': 'Apprenticeship',
};
const DATASET = 'careers';
const RULES: IdentityRules = {
  holds: ['dob', 'sex', 'postcode', 'upn'],
  optional: ['upn', 'postcode', 'sex'],
  formatDate: dmySlash,
};

interface Activity { code: string; start: Day; end: Day | null; neet: boolean }

function activities(ctx: ExtractContext, person: Person): Activity[] {
  const list: Activity[] = person.life.neet.filter((n) => n.recorded && inWindow(ctx, n.start)).map((n) => ({ code: n.code, start: n.start, end: n.end, neet: true }));
  const sixteen = addYears(person.dob, 16);
  for (let year = academicYearOf(sixteen); year <= academicYearOf(ctx.extractDay); year++) {
    const november = dayOf(year, 11, 1);
    const age = ageOn(person.dob, november);
    if (age < 16 || age > 17 || !inWindow(ctx, november)) continue;
    if (person.life.neet.some((n) => n.start <= november && (n.end === null || n.end > november))) continue;
    const code = (['110', '130', '130', '210'] as const)[(year + person.dob) % 4] as string;
    list.push({ code, start: dayOf(year, 9, 1), end: dayOf(year + 1, 7, 31) <= ctx.extractDay ? dayOf(year + 1, 7, 31) : null, neet: false });
  }
  return list.sort((a, b) => a.start - b.start);
}

/** Writes careers/ccis-activity.csv, family by family. */
export function careersWriter(ctx: ExtractContext): ExtractWriter {
  const sink = openExtract(ctx, DATASET);
  sink.write(csvLine(CAREERS_COLUMNS));
  const ccis = new Counter('CCIS', 6);
  let rows = 0;
  return {
    add(batch) {
      for (const person of batch.people) {
        if (person.role !== 'child') continue;
        let ccisId: string | null = null;
        for (const a of activities(ctx, person)) {
          ccisId ??= ccis.next();
          const ref = `CC${String(++rows).padStart(7, '0')}`;
          const r = recordIdentity(person, a.start, ctx.faults.forRecord(DATASET, ref, 'subject'), RULES);
          sink.write(csvLine([
            ref, ccisId, r.forename, r.surname, r.dob === null ? null : dmySlash(r.dob), r.sex, r.postcode, r.upn,
            a.code, DESCRIPTIONS[a.code] ?? null, dmySlash(a.start), a.end === null ? null : dmySlash(a.end),
          ]));
          ctx.truth.record(DATASET, ref, 'subject', person.id);
          if (a.neet) ctx.written.mark(person.id, 'employment.neet', a.start);
        }
      }
    },
    close: () => sink.close(),
  };
}
