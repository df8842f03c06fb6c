/** The application's sections, shown in the primary navigation to the roles the matrix lets open them. */
import { mayOpen, type Role } from '../governance/index.ts';

export interface Section {
  text: string;
  href: string;
  description: string;
}

export const sections: readonly Section[] = [
  { text: 'Worklist', href: '/worklist', description: 'Young people your team may be able to support, and why.' },
  { text: 'Review queue', href: '/review', description: 'Record pairs the linkage could not decide, for a clerical decision.' },
  { text: 'Data', href: '/data', description: 'Agencies, datasets, agreements, ingest batches and uploads.' },
  { text: 'Models', href: '/models', description: 'Model versions, their cards, evaluation, fairness and approval.' },
  { text: 'Re-identification', href: '/reidentification', description: 'Requests to name one of your agency’s records for a practitioner with a lawful reason.' },
  { text: 'Governance', href: '/governance', description: 'The audit log, its verification, the access matrix and the support catalogue.' },
];

/** The sections `role` may open. */
export function sectionsFor(role: Role): Section[] {
  return sections.filter((section) => mayOpen(role, section.href));
}

/** Items for the MoJ primary navigation, marking the section that contains `path` as current. */
export function navigationItems(role: Role, path: string): Array<{ text: string; href: string; active: boolean }> {
  return sectionsFor(role).map(({ text, href }) => ({
    text, href, active: path === href || path.startsWith(`${href}/`),
  }));
}
