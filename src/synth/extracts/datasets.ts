/**
 * The agencies' extracts the town produces: one dataset per agency, each in its own format and
 * file. The mappings in config/town/mappings and the partnership file use the same ids.
 */
import type { Format } from '../../ingest/mapping-schema.ts';

export interface DatasetSpec {
  readonly id: string;
  readonly agency: string;
  readonly agencyName: string;
  readonly sector: 'education' | 'social_care' | 'housing' | 'health' | 'police' | 'probation' | 'youth_justice' | 'employment';
  readonly format: Format;
  /** Path of the extract under the output directory. */
  readonly file: string;
}

export const DATASETS = [
  { id: 'school-census', agency: 'schools', agencyName: 'Tributary Vale schools (census returns)', sector: 'education', format: 'csv', file: 'schools/school-census.csv' },
  { id: 'social-care', agency: 'childrens-services', agencyName: "Tributary Vale Council children's services", sector: 'social_care', format: 'xml', file: 'social-care/children.xml' },
  { id: 'housing', agency: 'housing', agencyName: 'Tributary Vale Council housing options', sector: 'housing', format: 'json', file: 'housing/homelessness-applications.json' },
  { id: 'nhs', agency: 'nhs', agencyName: 'Tributary Vale integrated care board', sector: 'health', format: 'fhir', file: 'nhs/patients.ndjson' },
  { id: 'police', agency: 'police', agencyName: 'Tributary Vale Constabulary', sector: 'police', format: 'fixed-width', file: 'police/pnc-disposals.txt' },
  { id: 'probation', agency: 'probation', agencyName: 'Probation Service, Tributary Vale delivery unit', sector: 'probation', format: 'csv', file: 'probation/caseload.csv' },
  { id: 'youth-justice', agency: 'youth-justice', agencyName: 'Tributary Vale youth justice service', sector: 'youth_justice', format: 'json', file: 'youth-justice/yjs-cases.json' },
  { id: 'careers', agency: 'careers', agencyName: 'Tributary Vale careers service (CCIS)', sector: 'employment', format: 'csv', file: 'careers/ccis-activity.csv' },
] as const satisfies readonly DatasetSpec[];

export type DatasetId = (typeof DATASETS)[number]['id'];

/** The spec of a dataset. */
export function dataset(id: DatasetId): DatasetSpec {
  return DATASETS.find((d) => d.id === id) as DatasetSpec;
}
