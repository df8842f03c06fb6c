/**
 * Police: a fixed-width extract of PNC disposals — one line per arrest and one per caution or
 * conviction, for young people and adults alike, with the name as SURNAME/FORENAMES, the date
 * of birth as YYYYMMDD and the self-defined ethnicity code, as recorded on the day. A header
 * and a trailer line (record type H and T) frame the data lines (record type D).
 */
import { ymdCompact, type Day } from '../calendar/day.ts';
import type { Offence } from '../people/life.ts';
import type { Person } from '../people/person.ts';
import { openExtract, type ExtractContext, type ExtractWriter } from './extract-context.ts';
import { recordIdentity, type IdentityRules } from './recorded-identity.ts';
import { fixed } from './text-encoding.ts';

/** The layout of a line: 1-based start and length of each field (the mapping declares the same). */
export const POLICE_COLUMNS = [
  { name: 'record_type', start: 1, length: 1 },
  { name: 'pnc_id', start: 2, length: 13 },
  { name: 'name', start: 15, length: 40 },
  { name: 'dob', start: 55, length: 8 },
  { name: 'sex', start: 63, length: 1 },
  { name: 'ethnicity', start: 64, length: 2 },
  { name: 'postcode', start: 66, length: 8 },
  { name: 'disposal_type', start: 74, length: 3 },
  { name: 'event_date', start: 77, length: 8 },
  { name: 'offence', start: 85, length: 40 },
  { name: 'outcome', start: 125, length: 30 },
  { name: 'disposal_ref', start: 155, length: 14 },
] as const;
export const POLICE_LINE_LENGTH = 168;

const DATASET = 'police';
const RULES: IdentityRules = {
  holds: ['middleNames', 'dob', 'sex', 'postcode', 'pncId'],
  optional: ['middleNames', 'postcode', 'sex'],
  formatDate: ymdCompact,
};

interface Line { person: Person; offence: Offence; type: 'ARR' | 'CAU' | 'CON'; day: Day }

/** Writes police/pnc-disposals.txt, family by family (each family's lines in date order). */
export function policeWriter(ctx: ExtractContext): ExtractWriter {
  const sink = openExtract(ctx, DATASET);
  sink.write(`${fixed(`HTRIBUTARY VALE CONSTABULARY PNC DISPOSALS ${ymdCompact(ctx.extractDay)}`, POLICE_LINE_LENGTH)}\n`);
  let count = 0;
  return {
    add(batch) {
      const lines: Line[] = [];
      for (const person of batch.people) {
        for (const offence of person.life.offences) {
          if (!offence.recorded || offence.day > ctx.extractDay) continue;
          lines.push({ person, offence, type: 'ARR', day: offence.day });
          ctx.written.mark(person.id, 'behaviour.offence', offence.day);
          if (offence.outcome !== 'NFA' && offence.disposalDay !== null) {
            lines.push({ person, offence, type: offence.outcome === 'CAUTION' ? 'CAU' : 'CON', day: offence.disposalDay });
          }
        }
      }
      lines.sort((a, b) => a.day - b.day);
      for (const line of lines) {
        const ref = `TV${ymdCompact(line.day).slice(0, 4)}${String(++count).padStart(8, '0')}`;
        const r = recordIdentity(line.person, line.day, ctx.faults.forRecord(DATASET, ref, 'subject'), RULES);
        const forenames = r.middleNames ? `${r.forename} ${r.middleNames}` : r.forename;
        const values = ['D', r.pncId, `${r.surname}/${forenames}`.toUpperCase(), r.dob === null ? '' : ymdCompact(r.dob), r.sex,
          line.person.ethnicity.police, r.postcode, line.type, ymdCompact(line.day), line.offence.offence.toUpperCase(),
          line.type === 'ARR' ? (line.offence.outcome === 'NFA' ? 'NO FURTHER ACTION' : 'CHARGED OR DISPOSED') : (line.offence.disposal ?? '').toUpperCase(),
          ref];
        sink.write(`${POLICE_COLUMNS.map((c, k) => fixed(values[k], c.length)).join('')}\n`);
        ctx.truth.record(DATASET, ref, 'subject', line.person.id);
      }
    },
    close() {
      sink.write(`${fixed(`T${String(count).padStart(9, '0')}`, POLICE_LINE_LENGTH)}\n`);
      sink.close();
    },
  };
}
