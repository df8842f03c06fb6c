/** Support plans (one catalogue offer, a goal, a review date) and their outcomes; each write audited first. */
import { appendAudit } from '../../governance/index.ts';
import type { Store } from '../../store/index.ts';
import type { Principal } from '../request-context.ts';
import { CaseworkInputError, type OutcomeInput, type PlanInput } from './casework-forms.ts';
import { caseworkConfig } from './casework-config.ts';

/** Starts a plan with an offer from the catalogue, led by the practitioner; returns its id. */
export async function startPlan(store: Store, principal: Principal, personId: string, input: PlanInput): Promise<number> {
  if (!caseworkConfig().catalogue.offers.some((offer) => offer.id === input.offerId)) {
    throw new CaseworkInputError('offerId', 'Select an offer from the support catalogue');
  }
  if (input.startOn && input.reviewOn && input.reviewOn < input.startOn) {
    throw new CaseworkInputError('reviewOn', 'The review date must be on or after the start date');
  }
  const [next] = await store.sql.query<{ id: number | string }>(`SELECT nextval(pg_get_serial_sequence('support_plans', 'id')) AS id`);
  const id = Number(next!.id);
  await appendAudit(store, {
    actor: principal.username, role: principal.role, action: 'support_plan.started', subjectRef: personId,
    details: { plan_id: id, offer_id: input.offerId },
  });
  await store.sql.query(
    `INSERT INTO support_plans (id, person_id, offer_id, goal, status, lead_id, start_on, review_on, created_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
    [id, personId, input.offerId, input.goal, input.startOn ? 'active' : 'planned', principal.userId,
      input.startOn ?? null, input.reviewOn ?? null, principal.username]);
  return id;
}

/** Records an outcome against one of the person's plans (and its new status, if given); returns the outcome's id. */
export async function recordOutcome(
  store: Store, principal: Principal, personId: string, rawPlanId: string, input: OutcomeInput,
): Promise<number> {
  const planId = /^[1-9][0-9]{0,15}$/.test(rawPlanId) ? Number(rawPlanId) : null;
  const [plan] = planId ? await store.sql.query<{ id: number | string }>(
    'SELECT id FROM support_plans WHERE id = $1 AND person_id = $2', [planId, personId]) : [];
  if (!plan) throw new CaseworkInputError('planId', 'That is not one of this young person’s support plans');
  await appendAudit(store, {
    actor: principal.username, role: principal.role, action: 'support_outcome.recorded', subjectRef: personId,
    details: { plan_id: planId, outcome: input.outcome, status: input.status ?? null },
  });
  const [row] = await store.sql.query<{ id: number | string }>(
    `INSERT INTO support_outcomes (plan_id, outcome, note, recorded_by) VALUES ($1, $2, $3, $4) RETURNING id`,
    [planId, input.outcome, input.note ?? null, principal.username]);
  if (input.status) await store.sql.query('UPDATE support_plans SET status = $2, updated_at = now() WHERE id = $1', [planId, input.status]);
  return Number(row!.id);
}
