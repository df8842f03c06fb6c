/**
 * Probation: a CSV of supervision periods (community and suspended sentence orders) that
 * overlap the window, one row per period, with the person's CRN, PNC id and NI number.
 */
import { isoDay } from '../calendar/day.ts';
import { openExtract, overlapsWindow, type ExtractContext, type ExtractWriter } from './extract-context.ts';
import { recordIdentity, type IdentityRules } from './recorded-identity.ts';
import { csvLine } from './text-encoding.ts';

export const PROBATION_COLUMNS = [
  'EventID', 'CRN', 'PNCNumber', 'Surname', 'FirstName', 'SecondName', 'DateOfBirth', 'Gender', 'NINumber',
  'AddressLine1', 'Postcode', 'OrderType', 'SentenceDate', 'SupervisionStart', 'SupervisionEnd',
] as const;

const DATASET = 'probation';
const RULES: IdentityRules = {
  holds: ['middleNames', 'dob', 'sex', 'postcode', 'addressLine', 'pncId', 'niNumber'],
  optional: ['middleNames', 'pncId', 'niNumber', 'addressLine'],
  formatDate: isoDay,
};
const CRN_LETTERS = 'ABCDEFGHJKLMNPRSTUVWXY';

/** Writes probation/caseload.csv, family by family. */
export function probationWriter(ctx: ExtractContext): ExtractWriter {
  const sink = openExtract(ctx, DATASET);
  sink.write(csvLine(PROBATION_COLUMNS));
  let rows = 0, crns = 0;
  return {
    add(batch) {
      for (const person of batch.people) {
        let crn: string | null = null;
        for (const s of person.life.supervision) {
          if (!overlapsWindow(ctx, s.start, s.end)) continue;
          ctx.written.mark(person.id, 'probation.supervision', s.start);
          if (crn === null) {
            crns += 1;
            crn = `${CRN_LETTERS[crns % CRN_LETTERS.length]}${String(100000 + ((crns * 7919) % 900000))}`;
          }
          const eventId = `PRB${String(++rows).padStart(7, '0')}`;
          const r = recordIdentity(person, s.start, ctx.faults.forRecord(DATASET, eventId, 'subject'), RULES);
          const [second] = (r.middleNames ?? '').split(' ');
          sink.write(csvLine([
            eventId, crn, r.pncId, r.surname, r.forename, second || null, r.dob === null ? null : isoDay(r.dob),
            r.sex, r.niNumber, r.addressLine, r.postcode, s.order, isoDay(s.start), isoDay(s.start),
            s.end <= ctx.extractDay ? isoDay(s.end) : null,
          ]));
          ctx.truth.record(DATASET, eventId, 'subject', person.id);
        }
      }
    },
    close: () => sink.close(),
  };
}
