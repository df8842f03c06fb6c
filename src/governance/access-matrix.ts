/**
 * THE access matrix: every route and API endpoint of the web application, which roles may use it
 * and under which conditions. The web layer's access hook enforces it for every request (a route
 * that is not listed here is refused), the Governance pages render it, docs/access.md is generated
 * from it, and the tests walk all of it for every role.
 */
import type { Condition } from './access-conditions.ts';
import { ROLES, type Role } from './roles.ts';

export type Method = 'GET' | 'POST';

export interface AccessRule {
  readonly method: Method;
  /** The route as Fastify declares it (`:param`, `*`). */
  readonly path: string;
  readonly summary: string;
  /** Open to anyone, signed in or not (sign-in, health, assets). */
  readonly public?: true;
  /** The roles that may use it; a role that is absent is refused. `[]` means no further condition. */
  readonly roles: Readonly<Partial<Record<Role, readonly Condition[]>>>;
}

const everyone: Record<Role, readonly Condition[]> = Object.fromEntries(ROLES.map((role) => [role, [] as Condition[]])) as Record<Role, Condition[]>;
const open = { public: true, roles: {} } as const;
const teamWork = { practitioner: ['own_team'], supervisor: ['own_team'] } as const;
const worklistViewers = { ...teamWork, analyst: ['pseudonymised'] } as const;
const caseworkers = { practitioner: ['purpose', 'own_team'], supervisor: ['purpose', 'own_team'] } as const;
const personView = { ...caseworkers, analyst: ['purpose', 'pseudonymised'] } as const;
const allocators = { supervisor: ['purpose', 'own_team'] } as const;
const purposeStaters = { practitioner: [], supervisor: [], analyst: [] } as const;
const dataViewers = { analyst: [], ig_lead: [], admin: [], uploader: ['own_agency'] } as const;
const governance = { ig_lead: [], admin: [] } as const;

export const accessMatrix: readonly AccessRule[] = [
  // The service itself
  { method: 'GET', path: '/health', summary: 'Health of the service and its database', ...open },
  { method: 'GET', path: '/accessibility', summary: 'Accessibility statement', ...open },
  { method: 'GET', path: '/transparency', summary: 'The partnership’s algorithmic transparency record (ATRS Tier 1), for the public', ...open },
  { method: 'GET', path: '/transparency.json', summary: 'The algorithmic transparency record (ATRS Tier 1) as JSON', ...open },
  { method: 'GET', path: '/assets/govuk/*', summary: 'GOV.UK Frontend’s script', ...open },
  { method: 'GET', path: '/assets/moj/*', summary: 'MoJ Frontend’s script and icons', ...open },
  { method: 'GET', path: '/assets/tributary/*', summary: 'Tributary’s script and icon', ...open },
  { method: 'GET', path: '/assets/tributary/frontend.css', summary: 'The stylesheet: GOV.UK and MoJ Frontend with a system typeface', ...open },
  { method: 'GET', path: '/api/v1/openapi.json', summary: 'OpenAPI description of the JSON API', ...open },

  // Signing in and out
  { method: 'GET', path: '/sign-in', summary: 'Sign-in form', ...open },
  { method: 'POST', path: '/sign-in', summary: 'Sign in with a local account', ...open },
  { method: 'GET', path: '/sign-in/oidc', summary: 'Start signing in with the organisation’s account (OpenID Connect)', ...open },
  { method: 'GET', path: '/sign-in/oidc/callback', summary: 'Finish signing in with OpenID Connect', ...open },
  { method: 'POST', path: '/sign-out', summary: 'Sign out', roles: everyone },

  // Pages
  { method: 'GET', path: '/', summary: 'Home page for the user’s role', roles: everyone },
  { method: 'GET', path: '/worklist', summary: 'Worklist of the user’s team (analysts: by pseudonym)', roles: worklistViewers },
  { method: 'GET', path: '/review', summary: 'Clerical review queue (identifiable records)', roles: { analyst: [] } },
  { method: 'GET', path: '/review/:reviewItemId', summary: 'One pair to review, side by side with its weights (identifiable records)', roles: { analyst: [] } },
  { method: 'POST', path: '/review/:reviewItemId', summary: 'Decide a pair: match, not a match or unsure (audited)', roles: { analyst: [] } },
  { method: 'GET', path: '/models', summary: 'Model versions with their status', roles: { analyst: [], ig_lead: [] } },
  { method: 'GET', path: '/models/:modelVersionId', summary: 'A model version: evaluation, fairness audit, model card (approve and retire forms for the governance lead)', roles: { analyst: [], ig_lead: [] } },
  { method: 'POST', path: '/models/:modelVersionId/approve', summary: 'Approve a model version with a justification and a response to every fairness flag (audited)', roles: { ig_lead: [] } },
  { method: 'POST', path: '/models/:modelVersionId/retire', summary: 'Retire a model version with a reason (audited)', roles: { ig_lead: [] } },
  { method: 'GET', path: '/data', summary: 'Agencies, datasets, agreements, ingest batches and uploads', roles: dataViewers },
  {
    method: 'GET', path: '/data/batches/:batchId/quarantine.csv', summary: 'Download a batch’s quarantined rows (CSV)',
    roles: { analyst: [], uploader: ['own_agency'] },
  },
  { method: 'GET', path: '/data/upload', summary: 'Upload form for an agency extract', roles: { uploader: ['own_agency'] } },
  { method: 'POST', path: '/data/upload', summary: 'Upload an agency extract', roles: { uploader: ['own_agency'] } },
  { method: 'GET', path: '/governance', summary: 'Governance overview', roles: governance },
  { method: 'GET', path: '/governance/audit', summary: 'Search the audit log', roles: { ig_lead: [] } },
  { method: 'GET', path: '/governance/audit/verify', summary: 'Verify the audit log’s hash chain', roles: governance },
  { method: 'GET', path: '/governance/access', summary: 'The access matrix', roles: governance },
  { method: 'GET', path: '/governance/support-catalogue', summary: 'The support catalogue', roles: governance },
  { method: 'GET', path: '/purpose', summary: 'State the purpose for viewing people', roles: purposeStaters },
  { method: 'POST', path: '/purpose', summary: 'State the purpose for viewing people', roles: purposeStaters },
  { method: 'GET', path: '/people/:personId', summary: 'A person’s record', roles: personView },
  { method: 'GET', path: '/people/:personId/trend.svg', summary: 'A person’s score over time, as a chart (SVG)', roles: caseworkers },
  {
    method: 'POST', path: '/people/:personId/dispute', summary: 'Report a data error in one of a person’s records (audited)',
    roles: caseworkers,
  },
  { method: 'POST', path: '/people/:personId/decision', summary: 'Record a decision: offer support, already supported, no action or data error (audited)', roles: caseworkers },
  { method: 'POST', path: '/people/:personId/consent', summary: 'Record consent given, refused or withdrawn (audited)', roles: caseworkers },
  { method: 'POST', path: '/people/:personId/plans', summary: 'Start a support plan with an offer from the catalogue (audited)', roles: caseworkers },
  { method: 'POST', path: '/people/:personId/plans/:planId/outcomes', summary: 'Record an outcome of a support plan (audited)', roles: caseworkers },
  { method: 'POST', path: '/people/:personId/allocation', summary: 'Allocate a person to the team and a practitioner (audited)', roles: allocators },

  { method: 'GET', path: '/people/:personId/reidentification', summary: 'Hub-only mode: ask an agency who a person is; the requests, and the answers to one’s own (audited)', roles: caseworkers },
  { method: 'POST', path: '/people/:personId/reidentification', summary: 'Ask the agency holding one of a person’s records who they are, with a purpose and a lawful reason (audited)', roles: caseworkers },
  { method: 'GET', path: '/reidentification', summary: 'The agency’s pending re-identification requests', roles: { uploader: ['own_agency'] } },
  { method: 'POST', path: '/reidentification/:requestId/answer', summary: 'Answer a re-identification request for the agency’s own record (sealed; audited)', roles: { uploader: ['own_agency'] } },
  { method: 'POST', path: '/reidentification/:requestId/refuse', summary: 'Refuse a re-identification request, saying why (audited)', roles: { uploader: ['own_agency'] } },

  // JSON API: each page's data
  { method: 'GET', path: '/api/v1/me', summary: 'The signed-in user and the sections they may open', roles: everyone },
  { method: 'GET', path: '/api/v1/worklist', summary: 'Worklist of the user’s team (analysts: by pseudonym)', roles: worklistViewers },
  { method: 'GET', path: '/api/v1/teams/:teamId/worklist', summary: 'Worklist of a team', roles: teamWork },
  { method: 'GET', path: '/api/v1/review-queue', summary: 'Clerical review queue', roles: { analyst: [] } },
  { method: 'GET', path: '/api/v1/review-queue/:reviewItemId', summary: 'One pair to review (identifiable records)', roles: { analyst: [] } },
  { method: 'GET', path: '/api/v1/models', summary: 'Model versions', roles: { analyst: [], ig_lead: [] } },
  { method: 'GET', path: '/api/v1/models/:modelVersionId', summary: 'A model version: evaluation, fairness report, card and flag responses', roles: { analyst: [], ig_lead: [] } },
  { method: 'GET', path: '/api/v1/data', summary: 'Agencies, datasets, agreements, ingest batches and uploads', roles: dataViewers },
  { method: 'GET', path: '/api/v1/governance/audit', summary: 'Search the audit log', roles: { ig_lead: [] } },
  { method: 'GET', path: '/api/v1/governance/audit/verify', summary: 'Verify the audit log’s hash chain', roles: governance },
  { method: 'GET', path: '/api/v1/governance/access-matrix', summary: 'The access matrix', roles: governance },
  { method: 'GET', path: '/api/v1/governance/support-catalogue', summary: 'The support catalogue', roles: governance },
  { method: 'GET', path: '/api/v1/purpose', summary: 'The purposes the user may state, and the one stated', roles: purposeStaters },
  { method: 'POST', path: '/api/v1/purpose', summary: 'State the purpose for viewing people', roles: purposeStaters },
  { method: 'GET', path: '/api/v1/people/:personId', summary: 'A person’s record', roles: personView },
  { method: 'GET', path: '/api/v1/people/:personId/casework', summary: 'A person’s casework: allocation, decisions, consent, plans, recommended offers', roles: caseworkers },
  { method: 'POST', path: '/api/v1/people/:personId/decisions', summary: 'Record a decision (audited)', roles: caseworkers },
  { method: 'POST', path: '/api/v1/people/:personId/consent', summary: 'Record consent (audited)', roles: caseworkers },
  { method: 'POST', path: '/api/v1/people/:personId/plans', summary: 'Start a support plan (audited)', roles: caseworkers },
  { method: 'POST', path: '/api/v1/people/:personId/plans/:planId/outcomes', summary: 'Record an outcome of a support plan (audited)', roles: caseworkers },
  { method: 'POST', path: '/api/v1/people/:personId/allocation', summary: 'Allocate a person (audited)', roles: allocators },
  { method: 'POST', path: '/api/v1/people/:personId/disputes', summary: 'Report a data error in one of a person’s records (audited)', roles: caseworkers },
  { method: 'POST', path: '/api/v1/review-queue/:reviewItemId/decision', summary: 'Decide a pair: match, not a match or unsure (audited)', roles: { analyst: [] } },
  {
    method: 'GET', path: '/api/v1/support-catalogue', summary: 'The support catalogue',
    roles: { practitioner: [], supervisor: [], analyst: [], ig_lead: [], admin: [] },
  },
  { method: 'GET', path: '/api/v1/people/:personId/reidentification', summary: 'A person’s re-identification requests and the answers to one’s own (audited)', roles: caseworkers },
  { method: 'POST', path: '/api/v1/people/:personId/reidentification', summary: 'Ask an agency who a person is (audited)', roles: caseworkers },
  { method: 'GET', path: '/api/v1/reidentification', summary: 'The agency’s pending re-identification requests', roles: { uploader: ['own_agency'] } },
  { method: 'POST', path: '/api/v1/reidentification/:requestId/answer', summary: 'Answer a re-identification request (sealed; audited)', roles: { uploader: ['own_agency'] } },
  { method: 'POST', path: '/api/v1/reidentification/:requestId/refuse', summary: 'Refuse a re-identification request (audited)', roles: { uploader: ['own_agency'] } },
];
