/**
 * Test support: reads every extract of a generated town back into the records it holds — for
 * each dataset, each subject's and each contact's local id — with the format's own rules.
 */
import { parse } from 'csv-parse/sync';
import { POLICE_COLUMNS } from '../extracts/police-writer.ts';
import type { TownFixture } from './town-fixture.ts';

export interface ExtractRecord {
  readonly dataset: string;
  readonly localId: string;
  readonly kind: 'subject' | 'contact';
}

type Row = Record<string, string>;
const csvRows = (text: string): Row[] => parse(text, { columns: true, skip_empty_lines: true }) as Row[];
const field = (name: string): { start: number; length: number } => POLICE_COLUMNS.find((c) => c.name === name) as { start: number; length: number };

/** Every record of every extract (contacts repeated across rows are listed once per row). */
export function extractRecords(town: TownFixture): ExtractRecord[] {
  const out: ExtractRecord[] = [];
  const add = (dataset: string, kind: 'subject' | 'contact', localId: string | null | undefined): void => {
    if (localId) out.push({ dataset, kind, localId });
  };
  for (const row of csvRows(town.text('schools/school-census.csv'))) {
    add('school-census', 'subject', row.CensusID);
    add('school-census', 'contact', row.Contact1ID);
    add('school-census', 'contact', row.Contact2ID);
  }
  const xml = town.text('social-care/children.xml');
  for (const m of xml.matchAll(/<Child><PersonID>([^<]+)<\/PersonID>/g)) add('social-care', 'subject', m[1]);
  for (const m of xml.matchAll(/<Parent role="[^"]+"><PersonID>([^<]+)<\/PersonID>/g)) add('social-care', 'contact', m[1]);
  const housing = JSON.parse(town.text('housing/homelessness-applications.json')) as { applications: Array<{ caseRef: string; householdMembers: Array<{ personRef: string }> }> };
  for (const a of housing.applications) {
    add('housing', 'subject', a.caseRef);
    for (const m of a.householdMembers) add('housing', 'contact', m.personRef);
  }
  for (const line of town.text('nhs/patients.ndjson').split('\n').filter(Boolean)) {
    const patient = (JSON.parse(line) as { entry: Array<{ resource: { resourceType: string; id: string; contact?: Array<{ id: string }> } }> })
      .entry[0]?.resource;
    add('nhs', 'subject', patient?.id);
    add('nhs', 'contact', patient?.contact?.[0]?.id);
  }
  const ref = field('disposal_ref');
  for (const line of town.text('police/pnc-disposals.txt').split('\n')) {
    if (line.startsWith('D')) add('police', 'subject', line.slice(ref.start - 1, ref.start - 1 + ref.length).trim());
  }
  for (const row of csvRows(town.text('probation/caseload.csv'))) add('probation', 'subject', row.EventID);
  const cases = JSON.parse(town.text('youth-justice/yjs-cases.json')) as Array<{ yjsId: string; parentCarer: { contactId: string } | null }>;
  for (const c of cases) {
    add('youth-justice', 'subject', c.yjsId);
    add('youth-justice', 'contact', c.parentCarer?.contactId);
  }
  for (const row of csvRows(town.text('careers/ccis-activity.csv'))) add('careers', 'subject', row.RecordRef);
  return out;
}
