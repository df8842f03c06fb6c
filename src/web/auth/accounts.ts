/** Accounts: creating local and identity-provider users, and finding them. */
import { randomBytes } from 'node:crypto';
import { RoleSchema, type Role } from '../../governance/index.ts';
import type { Store } from '../../store/index.ts';
import { hashPassword } from './passwords.ts';

export interface AccountInput {
  username: string;
  displayName: string;
  role: Role;
  teamId?: string | null;
  agencyId?: string | null;
}

export interface AccountRow {
  id: string;
  username: string;
  role: Role;
  passwordHash: string | null;
  failedAttempts: number;
  lockedUntil: Date | null;
  active: boolean;
}

const newUserId = () => `u_${randomBytes(9).toString('base64url')}`;

/**
 * Creates a local account, or resets the password, role, team and agency of an existing one with
 * the same username. Give the password, or its argon2id hash. Returns the account's id.
 */
export async function upsertLocalAccount(
  store: Store, input: AccountInput & ({ password: string } | { passwordHash: string }),
): Promise<string> {
  const hash = 'passwordHash' in input ? input.passwordHash : await hashPassword(input.password);
  const [row] = await store.sql.query<{ id: string }>(
    `INSERT INTO users (id, username, display_name, role, team_id, agency_id, auth_source, password_hash)
     VALUES ($1, $2, $3, $4, $5, $6, 'local', $7)
     ON CONFLICT (username) DO UPDATE SET display_name = EXCLUDED.display_name, role = EXCLUDED.role,
       team_id = EXCLUDED.team_id, agency_id = EXCLUDED.agency_id, password_hash = EXCLUDED.password_hash,
       failed_attempts = 0, locked_until = NULL, active = true
     RETURNING id`,
    [newUserId(), input.username, input.displayName, RoleSchema.parse(input.role), input.teamId ?? null,
      input.agencyId ?? null, hash],
  );
  return row!.id;
}

/**
 * Finds or creates the account for an identity-provider subject, bringing its role, team and
 * agency up to date with the latest claims (a new team is created; an unknown agency is ignored,
 * so such an uploader sees nothing). Returns the account's id.
 */
export async function upsertOidcAccount(store: Store, input: AccountInput & { subject: string }): Promise<string> {
  if (input.teamId) {
    await store.sql.query('INSERT INTO teams (id, name) VALUES ($1, $1) ON CONFLICT (id) DO NOTHING', [input.teamId]);
  }
  const [agency] = input.agencyId
    ? await store.sql.query<{ id: string }>('SELECT id FROM agencies WHERE id = $1', [input.agencyId]) : [];
  const [row] = await store.sql.query<{ id: string }>(
    `INSERT INTO users (id, username, display_name, role, team_id, agency_id, auth_source, oidc_subject)
     VALUES ($1, $2, $3, $4, $5, $6, 'oidc', $7)
     ON CONFLICT (oidc_subject) WHERE oidc_subject IS NOT NULL DO UPDATE SET display_name = EXCLUDED.display_name,
       role = EXCLUDED.role, team_id = EXCLUDED.team_id, agency_id = EXCLUDED.agency_id
     RETURNING id`,
    [newUserId(), input.username, input.displayName, RoleSchema.parse(input.role), input.teamId ?? null,
      agency?.id ?? null, input.subject],
  );
  return row!.id;
}

export async function findAccountByUsername(store: Store, username: string): Promise<AccountRow | undefined> {
  const [row] = await store.sql.query<Record<string, unknown>>(
    `SELECT id, username, role, password_hash, failed_attempts, locked_until, active FROM users
      WHERE username = $1 AND auth_source = 'local'`,
    [username],
  );
  if (!row) return undefined;
  return {
    id: String(row.id), username: String(row.username), role: RoleSchema.parse(row.role),
    passwordHash: (row.password_hash as string | null) ?? null, failedAttempts: Number(row.failed_attempts),
    lockedUntil: row.locked_until ? new Date(row.locked_until as string) : null, active: row.active === true,
  };
}
