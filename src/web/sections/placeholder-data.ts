/**
 * The sections the next phases fill (models, support catalogue): their
 * headings and API shapes exist now, with empty lists and `status: "coming"`.
 */
import { z } from 'zod';

const coming = z.literal('coming').describe('the section is not built yet; its list is empty');

export const SupportCatalogueSchema = z.object({ offers: z.array(z.never()), status: coming });

export interface Placeholder {
  path: string;
  title: string;
  lead: string;
  coming: string;
}

export const placeholders: readonly Placeholder[] = [
  {
    path: '/governance/support-catalogue', title: 'Support catalogue',
    lead: 'The local support offers each risk factor can lead to: education, substance misuse, housing, family work.',
    coming: 'The support catalogue arrives with the support stage.',
  },
];
