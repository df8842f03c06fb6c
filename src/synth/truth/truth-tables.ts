/**
 * The ground truth that ingest never reads, under DIR/truth/: the true persons with their
 * protected characteristics, their relationships, households and addresses over time, and
 * their offending outcomes (true behaviour against what was recorded). Written family by family.
 */
import { join } from 'node:path';
import { ageOn, isoDay, type Day } from '../calendar/day.ts';
import type { ExtractWriter } from '../extracts/extract-context.ts';
import { FileSink } from '../extracts/file-sink.ts';
import { csvLine } from '../extracts/text-encoding.ts';
import { valueOn, type Person } from '../people/person.ts';

const table = (out: string, name: string, header: readonly string[]): FileSink => {
  const sink = new FileSink(join(out, 'truth', name));
  sink.write(csvLine(header));
  return sink;
};

const isProven = (o: Person['life']['offences'][number]): boolean => o.outcome === 'CAUTION' || o.outcome === 'CONVICTION';

/** Writes persons.csv, relationships.csv, households.csv, addresses.csv and outcomes.csv. */
export function truthTablesWriter(out: string, extractDay: Day): ExtractWriter {
  const persons = table(out, 'persons.csv', ['person_id', 'role', 'family_id', 'sex', 'dob', 'age_at_extract', 'ethnicity_code',
    'ethnic_group', 'deprivation_decile', 'sen', 'forename', 'middle_names', 'surname', 'birth_surname', 'postcode',
    'nhs_number', 'upn', 'pnc_id', 'ni_number', 'mother_id', 'father_id']);
  const addresses = table(out, 'addresses.csv', ['person_id', 'from', 'address_line', 'postcode', 'deprivation_decile', 'kind']);
  const households = table(out, 'households.csv', ['person_id', 'from', 'household_id']);
  const outcomes = table(out, 'outcomes.csv', ['person_id', 'offences_true', 'offences_recorded', 'offences_proven',
    'first_offence_true', 'first_offence_recorded', 'first_proven_offence', 'age_at_first_proven_offence']);
  const relationships = table(out, 'relationships.csv', ['kind', 'from_person_id', 'to_person_id', 'start', 'end']);
  const sinks = [persons, addresses, households, outcomes, relationships];
  return {
    add({ people, family, relationships: ties }) {
      for (const p of people) {
        const address = valueOn(p.addresses, extractDay);
        persons.write(csvLine([p.id, p.role, p.familyId, p.sex, isoDay(p.dob), ageOn(p.dob, extractDay), p.ethnicity.code, p.ethnicity.group,
          address.decile, p.sen, p.forename, p.middleNames, valueOn(p.surnames, extractDay), p.surnames[0]?.value, address.postcode,
          p.nhsNumber, p.upn, p.pncId, p.niNumber, p.motherId, p.fatherId]));
        for (const a of p.addresses) addresses.write(csvLine([p.id, isoDay(a.from), a.value.line1, a.value.postcode, a.value.decile, a.value.kind]));
        for (const h of p.households) households.write(csvLine([p.id, isoDay(h.from), h.value]));
        const offences = p.life.offences.filter((o) => o.day <= extractDay);
        const recorded = offences.filter((o) => o.recorded);
        const proven = offences.filter(isProven);
        const first = proven[0];
        outcomes.write(csvLine([p.id, offences.length, recorded.length, proven.length,
          offences[0] ? isoDay(offences[0].day) : null, recorded[0] ? isoDay(recorded[0].day) : null,
          first ? isoDay(first.day) : null, first ? ageOn(p.dob, first.day) : null]));
      }
      for (const r of ties) relationships.write(csvLine([r.kind, r.from, r.to, isoDay(r.start), r.end === null ? null : isoDay(r.end)]));
      for (const a of family.children) for (const b of family.children) {
        if (a !== b) relationships.write(csvLine(['sibling_of', a.id, b.id, isoDay(Math.max(a.dob, b.dob)), null]));
      }
    },
    close: () => sinks.forEach((s) => s.close()),
  };
}
