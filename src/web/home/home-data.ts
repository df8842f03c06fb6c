/** What the home page shows a signed-in user: who they are, their team or agency, and their sections. */
import { z } from 'zod';
import { roleLabels, RoleSchema } from '../../governance/index.ts';
import type { Store } from '../../store/index.ts';
import { sectionsFor } from '../navigation.ts';
import type { Principal } from '../request-context.ts';

const Named = z.object({ id: z.string(), name: z.string() });

export const HomeDataSchema = z.object({
  user: z.object({
    username: z.string(), displayName: z.string(), role: RoleSchema, roleName: z.string(), rolePurpose: z.string(),
    team: Named.nullable(), agency: Named.nullable(),
  }),
  sections: z.array(z.object({ text: z.string(), href: z.string(), description: z.string() })),
});
export type HomeData = z.infer<typeof HomeDataSchema>;

async function named(store: Store, table: 'teams' | 'agencies', id: string | null) {
  if (!id) return null;
  const [row] = await store.sql.query<{ id: string; name: string }>(`SELECT id, name FROM ${table} WHERE id = $1`, [id]);
  return row ? { id: row.id, name: row.name } : null;
}

export async function homeData(store: Store, principal: Principal): Promise<HomeData> {
  return {
    user: {
      username: principal.username, displayName: principal.displayName, role: principal.role,
      roleName: roleLabels[principal.role].name, rolePurpose: roleLabels[principal.role].purpose,
      team: await named(store, 'teams', principal.teamId), agency: await named(store, 'agencies', principal.agencyId),
    },
    sections: sectionsFor(principal.role),
  };
}
