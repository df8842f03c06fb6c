/** The re-identification part of the JSON API: the same reads and writes as the pages. */
import { z } from 'zod';
import {
  answerReidentification, refuseReidentification, requestReidentification, ReidentificationAnswerSchema,
  ReidentificationRefusalSchema, ReidentificationRequestSchema,
} from '../../pprl/hub/index.ts';
import { defineApiRoute, type ApiRoute } from '../api/api-route.ts';
import { personIdOf } from '../casework/casework-routes.ts';
import { agencyActor, AgencyRequestsSchema, agencyRequests, httpErrorOf, personRequests, PersonRequestsSchema, requestIdOf } from './reidentification-data.ts';
import { specialKeyFor } from './reidentification-key.ts';

const person = z.object({ personId: z.string() });
const request = z.object({ requestId: z.string() });
const done = z.object({ id: z.number().int(), status: z.enum(['pending', 'answered', 'refused']) });

const mapped = async <T>(work: () => Promise<T>): Promise<T> => {
  try { return await work(); } catch (error) { throw httpErrorOf(error); }
};

export const reidentificationApiRoutes: readonly ApiRoute[] = [
  defineApiRoute({
    method: 'GET', path: '/api/v1/people/:personId/reidentification', operationId: 'getReidentificationRequests', tag: 'Re-identification',
    summary: 'Hub-only mode: a person’s re-identification requests, the agencies that can be asked, and the answers to the caller’s own requests (audited)',
    params: person, response: PersonRequestsSchema,
    handler: ({ request: r, ctx }) => personRequests(ctx.store, specialKeyFor(ctx.settings, r.log), r.principal!, personIdOf(r)),
  }),
  defineApiRoute({
    method: 'POST', path: '/api/v1/people/:personId/reidentification', operationId: 'requestReidentification', tag: 'Re-identification',
    summary: 'Ask the agency holding one of a person’s records who they are, with a purpose and the lawful reason (audited)',
    params: person, body: ReidentificationRequestSchema, response: done,
    handler: ({ request: r, body, ctx }) => mapped(async () => {
      const row = await requestReidentification(ctx.store, r.principal!, personIdOf(r), body);
      return { id: row.id, status: row.status };
    }),
  }),
  defineApiRoute({
    method: 'GET', path: '/api/v1/reidentification', operationId: 'getAgencyReidentificationRequests', tag: 'Re-identification',
    summary: 'The caller’s agency’s pending re-identification requests, with the agency’s own record reference',
    response: AgencyRequestsSchema,
    handler: ({ request: r, ctx }) => agencyRequests(ctx.store, r.principal!),
  }),
  defineApiRoute({
    method: 'POST', path: '/api/v1/reidentification/:requestId/answer', operationId: 'answerReidentification', tag: 'Re-identification',
    summary: 'Answer a request for the agency’s own record (sealed at rest; audited)',
    params: request, body: ReidentificationAnswerSchema, response: done,
    handler: ({ request: r, params, body, ctx }) => mapped(async () => {
      const id = requestIdOf(params);
      await answerReidentification(ctx.store, specialKeyFor(ctx.settings, r.log)(), agencyActor(r.principal!), id, body);
      return { id, status: 'answered' as const };
    }),
  }),
  defineApiRoute({
    method: 'POST', path: '/api/v1/reidentification/:requestId/refuse', operationId: 'refuseReidentification', tag: 'Re-identification',
    summary: 'Refuse a request, saying why (audited)',
    params: request, body: ReidentificationRefusalSchema, response: done,
    handler: ({ request: r, params, body, ctx }) => mapped(async () => {
      const id = requestIdOf(params);
      await refuseReidentification(ctx.store, agencyActor(r.principal!), id, body.refusal);
      return { id, status: 'refused' as const };
    }),
  }),
];
