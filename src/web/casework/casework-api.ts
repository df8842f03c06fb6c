/**
 * The casework part of the JSON API: a person's casework, the writes behind the person page's
 * forms (decision, consent, plan, outcome, allocation, data error), an analyst's review decision
 * and the support catalogue. State-changing calls send the session's CSRF token as X-CSRF-Token.
 */
import { z } from 'zod';
import { chainAuditSink } from '../../governance/index.ts';
import { raiseDispute, RightsError } from '../../governance/rights/index.ts';
import { defineApiRoute, type ApiRoute } from '../api/api-route.ts';
import { HttpError } from '../http-error.ts';
import { decideReviewItem, DECISIONS } from '../review/review-data.ts';
import { allocate } from './allocation.ts';
import { CaseworkSchema, CatalogueSchema, catalogueOffers, loadCasework } from './casework-data.ts';
import {
  AllocationInputSchema, CaseworkInputError, ConsentInputSchema, DecisionInputSchema, OutcomeInputSchema, PlanInputSchema,
} from './casework-forms.ts';
import { recordConsent, recordDecision, requireOwnRecord } from './casework-records.ts';
import { personIdOf } from './casework-routes.ts';
import { recordOutcome, startPlan } from './support-plans.ts';

const person = z.object({ personId: z.string() });
const created = z.object({ id: z.number().int() });

/** Runs a write, turning a field problem into a 400 naming the field. */
async function checked<T>(write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (error instanceof CaseworkInputError) throw new HttpError('VALIDATION_FAILED', `${error.field}: ${error.message}`);
    if (error instanceof RightsError) throw new HttpError('VALIDATION_FAILED', `sourceRecordId: ${error.message}`);
    throw error;
  }
}

export const caseworkApiRoutes: readonly ApiRoute[] = [
  defineApiRoute({
    method: 'GET', path: '/api/v1/people/:personId/casework', operationId: 'getCasework', tag: 'Casework',
    summary: 'A person’s casework: the team holding them, allocation, decisions, consent, support plans and outcomes, recommended offers',
    params: person, response: CaseworkSchema,
    handler: ({ request, ctx }) => loadCasework(ctx.store, request.principal!, personIdOf(request)),
  }),
  defineApiRoute({
    method: 'POST', path: '/api/v1/people/:personId/decisions', operationId: 'recordDecision', tag: 'Casework',
    summary: 'Record a decision with its reason; a data error names the record (sourceRecordId) and opens a dispute on it',
    params: person, body: DecisionInputSchema, response: z.object({ id: z.number().int(), disputeId: z.number().int().nullable() }),
    handler: async ({ request, body, ctx }) => {
      const { decisionId, disputeId } = await checked(() => recordDecision(ctx.store, request.principal!, personIdOf(request), body));
      return { id: decisionId, disputeId };
    },
  }),
  defineApiRoute({
    method: 'POST', path: '/api/v1/people/:personId/consent', operationId: 'recordConsent', tag: 'Casework',
    summary: 'Record consent given, refused or withdrawn, and by whom', params: person, body: ConsentInputSchema, response: created,
    handler: async ({ request, body, ctx }) => ({ id: await checked(() => recordConsent(ctx.store, request.principal!, personIdOf(request), body)) }),
  }),
  defineApiRoute({
    method: 'POST', path: '/api/v1/people/:personId/plans', operationId: 'startSupportPlan', tag: 'Casework',
    summary: 'Start a support plan with an offer from the catalogue, its goal and review date', params: person, body: PlanInputSchema, response: created,
    handler: async ({ request, body, ctx }) => ({ id: await checked(() => startPlan(ctx.store, request.principal!, personIdOf(request), body)) }),
  }),
  defineApiRoute({
    method: 'POST', path: '/api/v1/people/:personId/plans/:planId/outcomes', operationId: 'recordSupportOutcome', tag: 'Casework',
    summary: 'Record an outcome of one of the person’s support plans (and its new status)',
    params: z.object({ personId: z.string(), planId: z.string() }), body: OutcomeInputSchema, response: created,
    handler: async ({ request, params, body, ctx }) => ({
      id: await checked(() => recordOutcome(ctx.store, request.principal!, personIdOf(request), params.planId, body)),
    }),
  }),
  defineApiRoute({
    method: 'POST', path: '/api/v1/people/:personId/allocation', operationId: 'allocatePerson', tag: 'Casework',
    summary: 'Allocate the person to the supervisor’s team, and optionally to one of its practitioners (workerId)',
    params: person, body: AllocationInputSchema, response: created,
    handler: async ({ request, body, ctx }) => ({ id: await checked(() => allocate(ctx.store, request.principal!, personIdOf(request), body)) }),
  }),
  defineApiRoute({
    method: 'POST', path: '/api/v1/people/:personId/disputes', operationId: 'reportDataError', tag: 'Casework',
    summary: 'Report a data error in one of the person’s records: opens a dispute and leaves the record out of factors and scores',
    params: person, body: z.object({ sourceRecordId: z.number().int().positive(), reason: z.string().trim().min(1).max(2000) }),
    response: z.object({ disputeId: z.number().int(), sourceRecordId: z.number().int() }),
    handler: async ({ request, body, ctx }) => checked(async () => {
      const recordId = await requireOwnRecord(ctx.store, personIdOf(request), body.sourceRecordId, 'sourceRecordId');
      const result = await raiseDispute(ctx.store, {
        sourceRecordId: recordId, reason: body.reason, by: request.principal!.username, role: request.principal!.role,
      }, chainAuditSink(ctx.store));
      return { disputeId: result.disputeId, sourceRecordId: result.sourceRecordId };
    }),
  }),
  defineApiRoute({
    method: 'POST', path: '/api/v1/review-queue/:reviewItemId/decision', operationId: 'decideReviewItem', tag: 'Review queue',
    summary: 'Decide a pair: match, not a match or unsure', params: z.object({ reviewItemId: z.string() }),
    body: z.object({ decision: z.enum(DECISIONS) }), response: z.object({ id: z.number().int(), decision: z.enum(DECISIONS) }),
    handler: async ({ request, params, body, ctx }) => {
      await decideReviewItem(ctx.store, request.principal!, params.reviewItemId, body.decision);
      return { id: Number(params.reviewItemId), decision: body.decision };
    },
  }),
  defineApiRoute({
    method: 'GET', path: '/api/v1/support-catalogue', operationId: 'getCatalogue', tag: 'Casework',
    summary: 'The support catalogue: every offer, its provider, type, the factors it addresses and how to refer',
    response: CatalogueSchema,
    handler: async () => ({ offers: catalogueOffers() }),
  }),
];
