/**
 * Server-side sessions in the store. The cookie holds a random token; the table holds only its
 * SHA-256, the CSRF token, the stated purpose and (during OpenID Connect sign-in) the pending checks.
 */
import { createHash, randomBytes } from 'node:crypto';
import { RoleSchema } from '../../governance/index.ts';
import type { Store } from '../../store/index.ts';
import type { Principal, SessionState } from '../request-context.ts';

export interface SessionPolicy {
  idleMinutes: number;
  absoluteHours: number;
}

export type LoadedSession =
  | { kind: 'active'; session: SessionState; principal: Principal | null }
  | { kind: 'ended' }
  | { kind: 'none' };

const token = () => randomBytes(32).toString('base64url');
const hashToken = (value: string) => createHash('sha256').update(value).digest('hex');

/** Starts a session (signed in when `userId` is given); returns the cookie token and the state. */
export async function createSession(
  store: Store, options: { userId?: string | null; pending?: Record<string, string> | null } = {},
): Promise<{ token: string; session: SessionState }> {
  const cookieToken = token();
  const now = new Date();
  const session: SessionState = {
    id: hashToken(cookieToken), userId: options.userId ?? null, csrfToken: token(), purpose: null,
    pending: options.pending ?? null, createdAt: now, lastSeenAt: now,
  };
  await store.sql.query(
    `INSERT INTO sessions (id, user_id, csrf_token, pending, created_at, last_seen_at) VALUES ($1, $2, $3, $4, $5, $5)`,
    [session.id, session.userId, session.csrfToken, session.pending ? JSON.stringify(session.pending) : null, now.toISOString()],
  );
  return { token: cookieToken, session };
}

/** Finds the session for a cookie token; an idle or too-old session is deleted and reported as ended. */
export async function loadSession(store: Store, cookieToken: string, policy: SessionPolicy, now = new Date()): Promise<LoadedSession> {
  const [row] = await store.sql.query<Record<string, unknown>>(
    `SELECT s.*, u.username, u.display_name, u.role, u.team_id, u.agency_id, u.active
       FROM sessions s LEFT JOIN users u ON u.id = s.user_id WHERE s.id = $1`,
    [hashToken(cookieToken)],
  );
  if (!row) return { kind: 'none' };
  const session = sessionFromRow(row);
  const idleEnd = session.lastSeenAt.getTime() + policy.idleMinutes * 60_000;
  const absoluteEnd = session.createdAt.getTime() + policy.absoluteHours * 3_600_000;
  const userGone = session.userId !== null && row.active !== true;
  if (now.getTime() >= idleEnd || now.getTime() >= absoluteEnd || userGone) {
    await deleteSession(store, session.id);
    return { kind: 'ended' };
  }
  const principal: Principal | null = session.userId ? {
    userId: session.userId, username: String(row.username), displayName: String(row.display_name),
    role: RoleSchema.parse(row.role), teamId: (row.team_id as string | null) ?? null,
    agencyId: (row.agency_id as string | null) ?? null,
  } : null;
  return { kind: 'active', session, principal };
}

function sessionFromRow(row: Record<string, unknown>): SessionState {
  const pending = typeof row.pending === 'string' ? JSON.parse(row.pending) : row.pending;
  return {
    id: String(row.id), userId: (row.user_id as string | null) ?? null, csrfToken: String(row.csrf_token),
    purpose: (row.purpose as string | null) ?? null, pending: (pending as Record<string, string> | null) ?? null,
    createdAt: new Date(row.created_at as string), lastSeenAt: new Date(row.last_seen_at as string),
  };
}

/** Records activity, at most once a minute, so the idle timeout counts from the last request. */
export async function touchSession(store: Store, session: SessionState, now = new Date()): Promise<void> {
  if (now.getTime() - session.lastSeenAt.getTime() < 60_000) return;
  await store.sql.query('UPDATE sessions SET last_seen_at = $2 WHERE id = $1', [session.id, now.toISOString()]);
}

export async function deleteSession(store: Store, id: string): Promise<void> {
  await store.sql.query('DELETE FROM sessions WHERE id = $1', [id]);
}

/** Records the purpose the user stated for viewing people in this session. */
export async function setSessionPurpose(store: Store, id: string, purpose: string): Promise<void> {
  await store.sql.query('UPDATE sessions SET purpose = $2, purpose_stated_at = now() WHERE id = $1', [id, purpose]);
}

/** Replaces the pending sign-in checks (OpenID Connect state, nonce, PKCE verifier). */
export async function setSessionPending(store: Store, id: string, pending: Record<string, string> | null): Promise<void> {
  await store.sql.query('UPDATE sessions SET pending = $2 WHERE id = $1', [id, pending ? JSON.stringify(pending) : null]);
}

/** Deletes every session past its idle or absolute limit. */
export async function purgeEndedSessions(store: Store, policy: SessionPolicy, now = new Date()): Promise<void> {
  const idleSince = new Date(now.getTime() - policy.idleMinutes * 60_000).toISOString();
  const createdSince = new Date(now.getTime() - policy.absoluteHours * 3_600_000).toISOString();
  await store.sql.query('DELETE FROM sessions WHERE last_seen_at < $1 OR created_at < $2', [idleSince, createdSince]);
}
