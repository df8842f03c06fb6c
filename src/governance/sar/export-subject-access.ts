/**
 * Subject access (UK GDPR Article 15): everything the store holds about one person, and nothing
 * about anyone else, as data the CLI writes to JSON and HTML and the web pages render.
 */
import type { Store } from '../../store/index.ts';
import { RightsError } from '../rights/index.ts';
import type { SpecialCategoryKey } from '../special-category/index.ts';
import { sarContext } from './sar-context.ts';
import type { SarRow, SarSection } from './sar-section.ts';
import { SAR_SECTIONS } from './sar-sections.ts';

export interface SubjectAccessSection {
  id: string;
  title: string;
  about: string;
  labels: Record<string, string>;
  rows: SarRow[];
}

export interface SubjectAccessExport {
  format: 'tributary.subject-access/v1';
  generatedAt: string;
  /** The id asked for; `personId` differs when that person was merged into another. */
  requestedId: string;
  personId: string;
  personIds: string[];
  healthData: 'opened' | 'sealed';
  sections: SubjectAccessSection[];
  /** What is withheld and why, for the person reading the export. */
  notes: string[];
}

export interface ExportOptions {
  /** Opens sealed health values; without it they are listed as sealed. */
  key?: SpecialCategoryKey;
  now?: Date;
  sections?: readonly SarSection[];
}

const NOTES = [
  'Information about other people (for example a parent named on your school record, or a relative’s record that a family risk factor was found from) is withheld: it is their personal data. You can ask the data protection officer to consider releasing it.',
  'Rows an agency sent that could not be loaded (quarantined rows) are not matched to anyone and are not listed; they are deleted with the rest of the agency’s data at the end of its retention period.',
];

/**
 * Everything held about `personId`, one section per kind of data, read in one consistent snapshot.
 * Throws `TRB_RIGHTS_NO_PERSON` when there is no such person.
 * @example const sar = await exportSubjectAccess(store, 'P-000123', { key });
 */
export async function exportSubjectAccess(store: Store, personId: string, options: ExportOptions = {}): Promise<SubjectAccessExport> {
  const sections = options.sections ?? SAR_SECTIONS;
  return store.transaction(async (tx) => {
    await tx.query('SET TRANSACTION ISOLATION LEVEL REPEATABLE READ');
    const ctx = await sarContext(tx, personId, options.key);
    if (!ctx) throw new RightsError('TRB_RIGHTS_NO_PERSON', `no person ${personId}: check the id on the person's page`);
    const filled: SubjectAccessSection[] = [];
    for (const section of sections) {
      filled.push({ id: section.id, title: section.title, about: section.about, labels: section.labels, rows: await section.rows(ctx) });
    }
    return {
      format: 'tributary.subject-access/v1',
      generatedAt: (options.now ?? new Date()).toISOString(),
      requestedId: personId,
      personId: ctx.personId,
      personIds: ctx.personIds,
      healthData: options.key ? 'opened' : 'sealed',
      sections: filled,
      notes: NOTES,
    };
  });
}
