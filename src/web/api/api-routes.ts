/** The JSON API under /api/v1: each page's data, defined once for the routes and the OpenAPI description. */
import { z } from 'zod';
import { AuditQuerySchema, PurposeSchema, searchAudit } from '../../governance/index.ts';
import { agencyScope, isPseudonymised } from '../access/scope.ts';
import { DataOverviewSchema } from '../data-pages/data-schemas.ts';
import { loadDataOverview } from '../data-pages/data-overview.ts';
import {
  AccessMatrixSchema, accessMatrixData, auditActions, AuditSearchResultSchema, ChainVerificationSchema, verifyAndRecord,
} from '../governance-pages/governance-data.ts';
import { caseworkApiRoutes } from '../casework/casework-api.ts';
import { reidentificationApiRoutes } from '../reidentification/reidentification-api.ts';
import { CatalogueSchema, catalogueOffers } from '../casework/casework-data.ts';
import { homeData, HomeDataSchema } from '../home/home-data.ts';
import { loadModels, loadModelVersion, ModelsSchema, ModelVersionViewSchema } from '../models/models-data.ts';
import { PersonViewSchema, viewPerson } from '../people/person-view.ts';
import { purposeOptions, statePurpose } from '../people/purpose-statement.ts';
import { loadReviewItem, loadReviewQueue, ReviewItemSchema, ReviewQueueSchema } from '../review/review-data.ts';
import { WorklistQuerySchema, WorklistSchema } from '../worklist/worklist-data.ts';
import { worklistForRequest } from '../worklist/worklist-routes.ts';
import { defineApiRoute, type ApiRoute } from './api-route.ts';
import { specialKeyFor } from '../reidentification/reidentification-key.ts';

const PurposeOptionsSchema = z.object({
  current: PurposeSchema.nullable(),
  options: z.array(z.object({ purpose: PurposeSchema, name: z.string(), hint: z.string() })),
});

export const apiRoutes: readonly ApiRoute[] = [
  defineApiRoute({
    method: 'GET', path: '/api/v1/me', operationId: 'getMe', tag: 'Home',
    summary: 'The signed-in user and the sections they may open', response: HomeDataSchema,
    handler: ({ request, ctx }) => homeData(ctx.store, request.principal!),
  }),
  defineApiRoute({
    method: 'GET', path: '/api/v1/worklist', operationId: 'getWorklist', tag: 'Worklist',
    summary: 'Worklist of the user’s team (filters: factor, age band; order: priority or newest)',
    query: WorklistQuerySchema, response: WorklistSchema,
    handler: ({ request, query, ctx }) => worklistForRequest(request, ctx, query),
  }),
  defineApiRoute({
    method: 'GET', path: '/api/v1/teams/:teamId/worklist', operationId: 'getTeamWorklist', tag: 'Worklist',
    summary: 'Worklist of a team (the user’s own only)', params: z.object({ teamId: z.string() }),
    query: WorklistQuerySchema, response: WorklistSchema,
    handler: ({ request, params, query, ctx }) => worklistForRequest(request, ctx, query, params.teamId),
  }),
  defineApiRoute({
    method: 'GET', path: '/api/v1/review-queue', operationId: 'getReviewQueue', tag: 'Review queue',
    summary: 'Clerical review queue: the open pairs, closest calls first', response: ReviewQueueSchema,
    handler: ({ ctx }) => loadReviewQueue(ctx.store),
  }),
  defineApiRoute({
    method: 'GET', path: '/api/v1/review-queue/:reviewItemId', operationId: 'getReviewItem', tag: 'Review queue',
    summary: 'One pair: both records (identifiable), the waterfall of weights or the comparison vector',
    params: z.object({ reviewItemId: z.string() }), response: ReviewItemSchema,
    handler: ({ params, ctx }) => loadReviewItem(ctx.store, params.reviewItemId),
  }),
  defineApiRoute({
    method: 'GET', path: '/api/v1/models', operationId: 'getModels', tag: 'Models',
    summary: 'Model versions, newest first, with their status and held-out AUC', response: ModelsSchema,
    handler: ({ ctx }) => loadModels(ctx.store),
  }),
  defineApiRoute({
    method: 'GET', path: '/api/v1/models/:modelVersionId', operationId: 'getModelVersion', tag: 'Models',
    summary: 'One model version: model, evaluation, fairness report, card, and each fairness flag with its response',
    params: z.object({ modelVersionId: z.string().min(1).max(100) }), response: ModelVersionViewSchema,
    handler: ({ params, ctx }) => loadModelVersion(ctx.store, params.modelVersionId),
  }),
  defineApiRoute({
    method: 'GET', path: '/api/v1/data', operationId: 'getData', tag: 'Data',
    summary: 'Agencies, datasets, agreements, ingest batches and uploads', response: DataOverviewSchema,
    handler: ({ request, ctx }) => loadDataOverview(ctx.store, agencyScope(request)),
  }),
  defineApiRoute({
    method: 'GET', path: '/api/v1/governance/audit', operationId: 'searchAudit', tag: 'Governance',
    summary: 'Search the audit log', query: AuditQuerySchema, response: AuditSearchResultSchema,
    handler: async ({ query, ctx }) => ({ entries: await searchAudit(ctx.store, query), actions: [...auditActions] }),
  }),
  defineApiRoute({
    method: 'GET', path: '/api/v1/governance/audit/verify', operationId: 'verifyAudit', tag: 'Governance',
    summary: 'Verify the audit log’s hash chain', response: ChainVerificationSchema,
    handler: ({ request, ctx }) => verifyAndRecord(ctx.store, request.principal!),
  }),
  defineApiRoute({
    method: 'GET', path: '/api/v1/governance/access-matrix', operationId: 'getAccessMatrix', tag: 'Governance',
    summary: 'The access matrix', response: AccessMatrixSchema,
    handler: async () => accessMatrixData(),
  }),
  defineApiRoute({
    method: 'GET', path: '/api/v1/governance/support-catalogue', operationId: 'getSupportCatalogue', tag: 'Governance',
    summary: 'The support catalogue', response: CatalogueSchema,
    handler: async () => ({ offers: catalogueOffers() }),
  }),
  defineApiRoute({
    method: 'GET', path: '/api/v1/purpose', operationId: 'getPurpose', tag: 'People',
    summary: 'The purposes the user may state, and the one stated in this session', response: PurposeOptionsSchema,
    handler: async ({ request, ctx }) => ({
      current: PurposeSchema.nullable().catch(null).parse(request.session?.purpose ?? null),
      options: await purposeOptions(ctx.store, request.principal!.role),
    }),
  }),
  defineApiRoute({
    method: 'POST', path: '/api/v1/purpose', operationId: 'statePurpose', tag: 'People',
    summary: 'State the purpose for viewing people (send the session’s CSRF token as X-CSRF-Token)',
    body: z.object({ purpose: z.string().min(1).max(100) }), response: z.object({ purpose: PurposeSchema }),
    handler: async ({ request, body, ctx }) => ({
      purpose: await statePurpose(ctx.store, request.principal!, request.session!, body.purpose),
    }),
  }),
  defineApiRoute({
    method: 'GET', path: '/api/v1/people/:personId', operationId: 'getPerson', tag: 'People',
    summary: 'A person’s record: factors with evidence, score contributions, timeline, linked records, family',
    params: z.object({ personId: z.string() }), response: PersonViewSchema,
    handler: ({ request, params, ctx }) => viewPerson(ctx.store, request.principal!, request.session!.purpose!, params.personId, {
      pseudonymised: isPseudonymised(request), pseudonymKey: ctx.settings.pseudonymKey, specialKey: specialKeyFor(ctx.settings, request.log),
    }),
  }),
  ...caseworkApiRoutes,
  ...reidentificationApiRoutes,
];
