/**
 * The subject access export, section by section, in reading order. To add what a new table holds
 * about a person, write a `SarSection` and add it here.
 */
import {
  allocationsSection, consentsSection, decisionsSection, reidentificationSection, supportPlansSection,
} from './casework-sections.ts';
import { linkConfidenceSection, comparisonsSection, personSection } from './linkage-sections.ts';
import { eventsSection, sourceRecordsSection } from './record-sections.ts';
import { relationshipsSection } from './relationship-section.ts';
import { accessSection, disputesSection, objectionsSection } from './rights-sections.ts';
import type { SarSection } from './sar-section.ts';
import { factorsSection, scoresSection } from './scoring-sections.ts';

export const SAR_SECTIONS: readonly SarSection[] = [
  personSection,
  sourceRecordsSection,
  eventsSection,
  relationshipsSection,
  linkConfidenceSection,
  comparisonsSection,
  factorsSection,
  scoresSection,
  allocationsSection,
  decisionsSection,
  consentsSection,
  supportPlansSection,
  reidentificationSection,
  objectionsSection,
  disputesSection,
  accessSection,
];
