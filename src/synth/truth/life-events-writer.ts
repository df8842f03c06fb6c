/**
 * truth/events.csv: every event of every life, true and recorded side by side — each offence
 * (recorded by the police or not), each substance-misuse spell and its treatments, each NEET
 * spell, each household incident, each care episode and school event — with the dataset that
 * records it, if any. `recorded` is Y exactly when the event is in an extract (the writers, which
 * run first for each family, mark what they wrote): an event an agency recorded before the
 * extracts' window, or a fourth suspension in a census year (three columns), is N.
 * This is what the fairness audit and the model evaluation compare against.
 */
import { join } from 'node:path';
import { isoDay, type Day } from '../calendar/day.ts';
import type { ExtractWriter, WrittenEvents } from '../extracts/extract-context.ts';
import { CARE_CODES } from '../extracts/social-care-writer.ts';
import { FileSink } from '../extracts/file-sink.ts';
import { csvLine } from '../extracts/text-encoding.ts';
import type { Person } from '../people/person.ts';


/** Writes truth/events.csv, family by family. */
export function lifeEventsWriter(out: string, e: Day, written: WrittenEvents): ExtractWriter {
  const sink = new FileSink(join(out, 'truth', 'events.csv'));
  sink.write(csvLine(['person_id', 'code', 'date', 'end', 'recorded', 'dataset', 'detail']));
  return { add: ({ people }) => { for (const p of people) writePerson(sink, p, e, written); }, close: () => sink.close() };
}

function writePerson(sink: FileSink, p: Person, e: Day, written: WrittenEvents): void {
  const write = (code: string, day: Day, end: Day | null, dataset: string, detail: string | null): void => {
    const recorded = written.has(p.id, code, day);
    if (day <= e) sink.write(csvLine([p.id, code, isoDay(day), end === null ? null : isoDay(end), recorded ? 'Y' : 'N', recorded ? dataset : null, detail]));
  };
  const l = p.life;
  for (const o of l.offences) write('behaviour.offence', o.day, null, 'police', o.outcome ? `${o.offence}; ${o.outcome}; ${o.disposal ?? ''}` : o.offence);
  for (const s of l.substance) {
    write('behaviour.substance_misuse', s.start, s.end, 'nhs', s.substance);
    for (const t of s.treatments) write('health.substance_misuse_treatment', t.start, t.end, 'nhs', s.substance);
  }
  for (const v of l.aeVisits) write(v.alcohol ? 'health.alcohol_related_ae' : 'health.ae_other', v.day, null, 'nhs', null);
  for (const n of l.neet) write('employment.neet', n.start, n.end, 'careers', n.code);
  for (const i of l.incidents) {
    write(i.kind === 'domestic_abuse' ? 'social_care.domestic_abuse_notification' : 'social_care.parental_separation', i.day, null, 'social-care', null);
  }
  for (const c of l.care) write(CARE_CODES[c.kind], c.start, c.end, 'social-care', null);
  for (const y of l.schoolYears) {
    if (y.sessionsMissed / Math.max(1, y.sessionsPossible) >= 0.1) write('school.persistent_absence', y.attendanceTo, null, 'school-census', String(y.academicYear));
    for (const d of y.suspensions) write('school.suspension', d, null, 'school-census', y.school.laEstab);
    if (y.permanentExclusion !== null) write('school.permanent_exclusion', y.permanentExclusion, null, 'school-census', y.school.laEstab);
  }
  for (const h of l.homeless) write('housing.homelessness_application', h.day, null, 'housing', h.reason);
  for (const s of l.supervision) write('probation.supervision', s.start, s.end, 'probation', s.order);
}
