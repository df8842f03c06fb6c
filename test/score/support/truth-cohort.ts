/**
 * A model table straight from a synthetic town's truth files, for the recording-bias test: one row
 * per young person (10–17) per as-of date who has no proven offence yet, with what agencies *recorded*
 * in the two years before (their own events, and their parents' recorded offences and probation), the
 * label the product sees (a first proven offence within two years) and the label it cannot see (a first
 * offence committed, recorded or not), and the ethnic group — for the audit only.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';

const OWN_CODES = [
  'school.persistent_absence', 'school.suspension', 'school.permanent_exclusion', 'social_care.domestic_abuse_notification',
  'social_care.parental_separation', 'social_care.child_in_need', 'social_care.child_protection_plan', 'social_care.looked_after',
  'employment.neet', 'housing.homelessness_application', 'health.substance_misuse_treatment',
] as const;
const PARENT_CODES = ['behaviour.offence', 'probation.supervision'] as const;

const read = (dir: string, name: string) => parse(readFileSync(join(dir, 'truth', name)), { columns: true }) as Array<Record<string, string>>;
const shift = (day: string, months: number) => {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCMonth(d.getUTCMonth() + months);
  return d.toISOString().slice(0, 10);
};

export const TRUTH_FEATURES = ['age', ...OWN_CODES.map((c) => c.split('.')[1]!), 'parent_offence', 'parent_probation'];

/** CSV text: person_id, as_of, the features, label, label_true, ethnic_group. */
export function truthCohortCsv(townDir: string, asOfs: readonly string[], label: 'first_proven' | 'recorded_offence' = 'first_proven'): string {
  const persons = read(townDir, 'persons.csv');
  const outcomes = new Map(read(townDir, 'outcomes.csv').map((o) => [o.person_id!, o]));
  const events = new Map<string, Array<{ code: string; date: string }>>();
  for (const e of read(townDir, 'events.csv')) {
    if (e.recorded !== 'Y') continue;
    const list = events.get(e.person_id!) ?? [];
    list.push({ code: e.code!, date: e.date! });
    events.set(e.person_id!, list);
  }
  const lines = [['person_id', 'as_of', ...TRUTH_FEATURES, 'label', 'label_true', 'ethnic_group'].join(',')];
  for (const asOf of asOfs) {
    const from = shift(asOf, -24);
    const to = shift(asOf, 24);
    const count = (id: string | undefined, code: string) => (id ? (events.get(id) ?? []).filter((e) => e.code === code && e.date > from && e.date <= asOf).length : 0);
    for (const p of persons) {
      if (p.role !== 'child') continue;
      const age = new Date(`${asOf}T00:00:00Z`).getUTCFullYear() - new Date(`${p.dob}T00:00:00Z`).getUTCFullYear() - (asOf.slice(5) < p.dob!.slice(5) ? 1 : 0);
      if (age < 10 || age > 17) continue;
      const o = outcomes.get(p.person_id!);
      const proven = o?.first_proven_offence ?? '';
      const committed = o?.first_offence_true ?? '';
      if (label === 'first_proven' && proven && proven <= asOf) continue;
      const recordedOffence = (events.get(p.person_id!) ?? []).some((e) => e.code === 'behaviour.offence' && e.date > asOf && e.date <= to);
      const parents = [p.mother_id, p.father_id].filter((id): id is string => Boolean(id));
      const parentCount = (code: string) => parents.reduce((sum, id) => sum + count(id, code), 0);
      lines.push([
        p.person_id, asOf, age, ...OWN_CODES.map((c) => count(p.person_id, c)), parentCount(PARENT_CODES[0]), parentCount(PARENT_CODES[1]),
        (label === 'first_proven' ? proven > asOf && proven <= to : recordedOffence) ? 1 : 0, committed > asOf && committed <= to ? 1 : 0, p.ethnic_group,
      ].join(','));
    }
  }
  return `${lines.join('\n')}\n`;
}
