/** What the hooks attach to every request: the session, the signed-in principal and the access granted. */
import type { AccessRule, Condition, Role } from '../governance/index.ts';

/** The signed-in user, as the access checks and pages see them. */
export interface Principal {
  userId: string;
  username: string;
  displayName: string;
  role: Role;
  teamId: string | null;
  agencyId: string | null;
}

export interface SessionState {
  /** SHA-256 of the cookie's token (the table's key). */
  id: string;
  userId: string | null;
  csrfToken: string;
  purpose: string | null;
  pending: Record<string, string> | null;
  createdAt: Date;
  lastSeenAt: Date;
}

/** The grant the access hook found for this request: the matrix rule and the role's conditions. */
export interface AccessGrant {
  rule: AccessRule;
  conditions: ReadonlySet<Condition>;
  /**
   * The owners the `own_agency`/`own_team` checks resolved, by route parameter (`personId` → the team
   * holding them, "" for none), so that a handler need not look them up again.
   */
  owners?: Readonly<Record<string, string>>;
}

declare module 'fastify' {
  interface FastifyRequest {
    session: SessionState | null;
    principal: Principal | null;
    /** True when the request carried a session that had timed out (idle or absolute). */
    sessionEnded: boolean;
    access: AccessGrant | null;
  }
}
