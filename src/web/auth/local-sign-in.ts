/**
 * Checking a local username and password, with lockout: after `maxFailures` wrong passwords in a row
 * the account is locked for `lockMinutes`, during which even the right password is refused. Every
 * refusal looks the same to the caller of the page (see sign-in-routes), whatever its reason.
 */
import type { Store } from '../../store/index.ts';
import { findAccountByUsername, type AccountRow } from './accounts.ts';
import { verifyAgainstDummy, verifyPassword } from './passwords.ts';

export interface LockoutPolicy {
  maxFailures: number;
  lockMinutes: number;
}

export type RefusalReason = 'unknown_user' | 'wrong_password' | 'locked' | 'inactive';

export type SignInCheck =
  | { kind: 'accepted'; account: AccountRow }
  | { kind: 'refused'; reason: RefusalReason; account?: AccountRow; lockedNow?: boolean };

/** Checks the credentials and updates the account's failure count and lock. */
export async function checkLocalCredentials(
  store: Store, username: string, password: string, policy: LockoutPolicy, now = new Date(),
): Promise<SignInCheck> {
  const account = await findAccountByUsername(store, username);
  if (!account?.passwordHash) {
    await verifyAgainstDummy(password);
    return { kind: 'refused', reason: 'unknown_user' };
  }
  const matches = await verifyPassword(account.passwordHash, password);
  if (account.lockedUntil && account.lockedUntil > now) return { kind: 'refused', reason: 'locked', account };
  if (!account.active) return { kind: 'refused', reason: 'inactive', account };
  if (matches) {
    await store.sql.query(
      'UPDATE users SET failed_attempts = 0, locked_until = NULL, last_sign_in_at = $2 WHERE id = $1',
      [account.id, now.toISOString()],
    );
    return { kind: 'accepted', account };
  }
  const lockedUntil = new Date(now.getTime() + policy.lockMinutes * 60_000).toISOString();
  const [row] = await store.sql.query<{ locked_until: string | Date | null }>(
    `UPDATE users SET
        failed_attempts = CASE WHEN failed_attempts + 1 >= $2 THEN 0 ELSE failed_attempts + 1 END,
        locked_until = CASE WHEN failed_attempts + 1 >= $2 THEN $3::timestamptz ELSE NULL END
      WHERE id = $1 RETURNING locked_until`,
    [account.id, policy.maxFailures, lockedUntil],
  );
  return { kind: 'refused', reason: 'wrong_password', account, lockedNow: Boolean(row?.locked_until) };
}
