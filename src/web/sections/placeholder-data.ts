/**
 * Sections not built yet: a heading, a lead paragraph and a notice (`placeholder-routes.ts`). None
 * are left (models and the support catalogue are built); the mechanism stays for the next section.
 */
export interface Placeholder {
  path: string;
  title: string;
  lead: string;
  coming: string;
}

export const placeholders: readonly Placeholder[] = [];
