/**
 * Allocation: a supervisor allocates a person their team holds to the team, and optionally to one
 * of its practitioners. The current allocation is ended and a new one begun, audited first.
 */
import { appendAudit } from '../../governance/index.ts';
import type { Store } from '../../store/index.ts';
import type { Principal } from '../request-context.ts';
import { CaseworkInputError, type AllocationInput } from './casework-forms.ts';

/** The practitioners and supervisors of a team, for the allocation form. */
export async function teamMembers(store: Store, teamId: string): Promise<Array<{ id: string; name: string; role: string }>> {
  return store.sql.query<{ id: string; name: string; role: string }>(
    `SELECT id, display_name AS name, role FROM users WHERE team_id = $1 AND active AND role IN ('practitioner', 'supervisor')
      ORDER BY display_name, id`, [teamId]);
}

/** Allocates `personId` to the supervisor's team (and `workerId`, one of its members); returns the allocation's id. */
export async function allocate(store: Store, principal: Principal, personId: string, input: AllocationInput): Promise<number> {
  const teamId = principal.teamId;
  if (!teamId) throw new CaseworkInputError('workerId', 'You are not in a team, so you cannot allocate');
  if (input.workerId && !(await teamMembers(store, teamId)).some((m) => m.id === input.workerId)) {
    throw new CaseworkInputError('workerId', 'Select a member of your team');
  }
  await appendAudit(store, {
    actor: principal.username, role: principal.role, action: 'allocation.recorded', subjectRef: personId,
    details: { team_id: teamId, worker_id: input.workerId ?? null },
  });
  return store.transaction(async (tx) => {
    await tx.query('UPDATE allocations SET ended_at = now() WHERE person_id = $1 AND ended_at IS NULL', [personId]);
    const [row] = await tx.query<{ id: number | string }>(
      'INSERT INTO allocations (person_id, team_id, worker_id, allocated_by) VALUES ($1, $2, $3, $4) RETURNING id',
      [personId, teamId, input.workerId ?? null, principal.username]);
    return Number(row!.id);
  });
}
