/**
 * Stating a purpose for viewing people. The purposes offered are the role's own that an agreement
 * in force allows; anything else (an unknown purpose such as "enforcement", or one the role or the
 * agreements do not allow) is refused and audited.
 */
import {
  appendAudit, isKnownPurpose, offeredPurposes, purposeLabels, type Purpose, type Role,
} from '../../governance/index.ts';
import type { Store } from '../../store/index.ts';
import { HttpError } from '../http-error.ts';
import type { Principal, SessionState } from '../request-context.ts';
import { setSessionPurpose } from '../session/session-store.ts';

/** Purposes named by at least one agreement in force today. */
export async function agreedPurposes(store: Store): Promise<Set<string>> {
  const rows = await store.sql.query<{ purpose: string }>(
    `SELECT DISTINCT jsonb_array_elements_text(purposes) AS purpose FROM agreements
      WHERE active AND valid_from <= current_date AND (valid_to IS NULL OR valid_to >= current_date)`,
  );
  return new Set(rows.map((row) => row.purpose));
}

export async function purposeOptions(store: Store, role: Role): Promise<Array<{ purpose: Purpose; name: string; hint: string }>> {
  return offeredPurposes(role, await agreedPurposes(store)).map((purpose) => ({ purpose, ...purposeLabels[purpose] }));
}

/** Records `stated` as the session's purpose, or throws PURPOSE_NOT_ALLOWED after auditing the refusal. */
export async function statePurpose(store: Store, principal: Principal, session: SessionState, stated: string): Promise<Purpose> {
  const allowed = (await purposeOptions(store, principal.role)).map((option) => option.purpose);
  if (!isKnownPurpose(stated) || !allowed.includes(stated)) {
    await appendAudit(store, {
      actor: principal.username, role: principal.role, action: 'purpose.refused',
      details: { stated: stated.replace(/[^a-z_]/gi, '').slice(0, 40) },
    });
    throw new HttpError('PURPOSE_NOT_ALLOWED');
  }
  await setSessionPurpose(store, session.id, stated);
  await appendAudit(store, { actor: principal.username, role: principal.role, action: 'purpose.stated', purpose: stated });
  return stated;
}
