/**
 * Demo accounts, one per role, for the synthetic town: `practitioner`, `supervisor`, `analyst`,
 * `ig-lead`, `uploader`, `admin`, all with one password. The practitioner and supervisor share a
 * team (early help – north, one of the partnership's configured teams, which are all created); the
 * uploader acts for an agency (the one given, else the first in the store, else a demo one).
 */
import { randomBytes } from 'node:crypto';
import type { Role } from '../../governance/index.ts';
import type { Store } from '../../store/index.ts';
import { caseworkConfig } from '../casework/casework-config.ts';
import { upsertLocalAccount } from './accounts.ts';
import { hashPassword } from './passwords.ts';

export const DEMO_TEAM = { id: 'early-help-north', name: 'Early help – north' };

export const demoAccounts: ReadonlyArray<{ username: string; displayName: string; role: Role }> = [
  { username: 'practitioner', displayName: 'Pat Practitioner', role: 'practitioner' },
  { username: 'supervisor', displayName: 'Sam Supervisor', role: 'supervisor' },
  { username: 'analyst', displayName: 'Alex Analyst', role: 'analyst' },
  { username: 'ig-lead', displayName: 'Indra Governance', role: 'ig_lead' },
  { username: 'uploader', displayName: 'Uma Uploader', role: 'uploader' },
  { username: 'admin', displayName: 'Ade Admin', role: 'admin' },
];

/** The demo password: `TRIBUTARY_DEMO_PASSWORD` when set, else a new random one the caller prints once. */
export function demoPassword(env: NodeJS.ProcessEnv = process.env): { password: string; generated: boolean } {
  const given = env.TRIBUTARY_DEMO_PASSWORD;
  if (given) return { password: given, generated: false };
  return { password: randomBytes(12).toString('base64url'), generated: true };
}

/** Creates (or resets) the demo accounts with `password`; returns their usernames, team and agency. */
export async function seedDemoAccounts(
  store: Store, options: { password: string; agencyId?: string },
): Promise<{ usernames: string[]; teamId: string; agencyId: string }> {
  if (options.password.length < 8) throw new Error('the demo password must have at least 8 characters');
  for (const team of [DEMO_TEAM, ...caseworkConfig().teams]) {
    await store.sql.query('INSERT INTO teams (id, name) VALUES ($1, $2) ON CONFLICT (id) DO NOTHING', [team.id, team.name]);
  }
  const agencyId = options.agencyId ?? await firstAgency(store);
  const passwordHash = await hashPassword(options.password);
  for (const account of demoAccounts) {
    await upsertLocalAccount(store, {
      ...account, passwordHash,
      teamId: account.role === 'practitioner' || account.role === 'supervisor' ? DEMO_TEAM.id : null,
      agencyId: account.role === 'uploader' ? agencyId : null,
    });
  }
  return { usernames: demoAccounts.map((a) => a.username), teamId: DEMO_TEAM.id, agencyId };
}

async function firstAgency(store: Store): Promise<string> {
  const [row] = await store.sql.query<{ id: string }>('SELECT id FROM agencies ORDER BY id LIMIT 1');
  if (row) return row.id;
  await store.sql.query(
    `INSERT INTO agencies (id, name, sector) VALUES ('demo-agency', 'Demo agency', 'other') ON CONFLICT (id) DO NOTHING`,
  );
  return 'demo-agency';
}
