/**
 * The sections the next phases fill (worklist, review queue, models, support catalogue): their
 * headings and API shapes exist now, with empty lists and `status: "coming"`.
 */
import { z } from 'zod';
import type { Store } from '../../store/index.ts';

const coming = z.literal('coming').describe('the section is not built yet; its list is empty');

export const WorklistSchema = z.object({
  team: z.object({ id: z.string(), name: z.string() }).nullable(), items: z.array(z.never()), status: coming,
});
export const ReviewQueueSchema = z.object({ items: z.array(z.never()), status: coming });
export const ModelsSchema = z.object({ versions: z.array(z.never()), status: coming });
export const SupportCatalogueSchema = z.object({ offers: z.array(z.never()), status: coming });

export async function worklistFor(store: Store, teamId: string | null): Promise<z.infer<typeof WorklistSchema>> {
  const [team] = teamId ? await store.sql.query<{ id: string; name: string }>('SELECT id, name FROM teams WHERE id = $1', [teamId]) : [];
  return { team: team ? { id: team.id, name: team.name } : null, items: [], status: 'coming' };
}

export interface Placeholder {
  path: string;
  title: string;
  lead: string;
  coming: string;
}

export const placeholders: readonly Placeholder[] = [
  {
    path: '/worklist', title: 'Worklist',
    lead: 'Young people your team may be able to support, with the reasons and the records behind them.',
    coming: 'The worklist arrives once linkage and scoring are in place. Nobody is listed yet.',
  },
  {
    path: '/review', title: 'Review queue',
    lead: 'Pairs of records the linkage could not decide on its own, for a clerical decision.',
    coming: 'The review queue arrives with the link stage. There is nothing to review yet.',
  },
  {
    path: '/models', title: 'Models',
    lead: 'Model versions with their cards, evaluation and fairness audit, and the governance lead’s approval.',
    coming: 'Model versions appear here once the score stage can fit them.',
  },
  {
    path: '/governance/support-catalogue', title: 'Support catalogue',
    lead: 'The local support offers each risk factor can lead to: education, substance misuse, housing, family work.',
    coming: 'The support catalogue arrives with the support stage.',
  },
];
