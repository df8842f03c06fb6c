/**
 * Probation: a CSV of supervision periods (community and suspended sentence orders) that
 * overlap the window, one row per period, with the person's CRN, PNC id and NI number.
 */
import { isoDay } from '../calendar/day.ts';
import { LocalIds, openExtract, overlapsWindow, type ExtractContext } from './extract-context.ts';
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

/** Writes probation/caseload.csv. */
export function writeProbation(ctx: ExtractContext): void {
  const sink = openExtract(ctx, DATASET);
  sink.write(csvLine(PROBATION_COLUMNS));
  const crns = new LocalIds((n) => `${CRN_LETTERS[n % CRN_LETTERS.length]}${String(100000 + ((n * 7919) % 900000))}`);
  let rows = 0;
  for (const person of ctx.town.people) {
    for (const s of person.life.supervision) {
      if (!overlapsWindow(ctx, s.start, s.end)) continue;
      const eventId = `PRB${String(++rows).padStart(7, '0')}`;
      const r = recordIdentity(person, s.start, ctx.faults.forRecord(DATASET, eventId, 'subject'), RULES);
      const [second] = (r.middleNames ?? '').split(' ');
      sink.write(csvLine([
        eventId, crns.of(person.id), r.pncId, r.surname, r.forename, second || null, r.dob === null ? null : isoDay(r.dob),
        r.sex, r.niNumber, r.addressLine, r.postcode, s.order, isoDay(s.start), isoDay(s.start),
        s.end <= ctx.extractDay ? isoDay(s.end) : null,
      ]));
      ctx.truth.record(DATASET, eventId, 'subject', person.id);
    }
  }
  sink.close();
}
