/**
 * A person's casework as the person page and `GET /api/v1/people/:personId/casework` show it: the
 * team holding them and the allocation, decisions, consent, support plans with their outcomes, the
 * offers the catalogue recommends for their factors, and (for a supervisor) the team to allocate to.
 */
import { z } from 'zod';
import { EXCLUDED_PERSONS_SQL } from '../../governance/rights/index.ts';
import { recommendOffers } from '../../governance/support-catalogue.ts';
import { OFFER_TYPES, offerTypeLabels } from '../../governance/support-catalogue-schema.ts';
import type { Store } from '../../store/index.ts';
import type { Principal } from '../request-context.ts';
import { factorLabel } from '../worklist/factor-labels.ts';
import { teamMembers } from './allocation.ts';
import { caseworkConfig } from './casework-config.ts';
import { CONSENT_GIVERS, CONSENT_STATUSES, DECISION_KINDS, labels, OUTCOMES, PLAN_STATUSES } from './casework-forms.ts';
import { teamHolding } from './team-holding.ts';

const at = z.string().describe('ISO date-time');
export const OfferSchema = z.object({
  id: z.string(), name: z.string(), provider: z.string(), type: z.enum(OFFER_TYPES), typeLabel: z.string(), referral: z.string(),
  addresses: z.array(z.object({ id: z.string(), label: z.string() })),
});
export const CatalogueSchema = z.object({ offers: z.array(OfferSchema) });
export const CaseworkSchema = z.object({
  heldBy: z.object({ id: z.string(), name: z.string() }).nullable().describe('the team whose worklist they are on'),
  allocation: z.object({
    teamId: z.string(), workerId: z.string().nullable(), workerName: z.string().nullable(), allocatedBy: z.string(), allocatedAt: at,
  }).nullable(),
  decisions: z.array(z.object({
    id: z.number(), kind: z.enum(DECISION_KINDS), label: z.string(), reason: z.string(), probability: z.number().nullable(),
    decidedBy: z.string(), decidedAt: at,
  })).describe('newest first'),
  consent: z.object({
    status: z.enum(CONSENT_STATUSES), givenBy: z.enum(CONSENT_GIVERS), note: z.string().nullable(), recordedBy: z.string(), recordedAt: at,
  }).nullable().describe('the latest consent recorded'),
  plans: z.array(z.object({
    id: z.number(), offer: z.object({ id: z.string(), name: z.string(), provider: z.string() }), goal: z.string(),
    status: z.enum(PLAN_STATUSES), startOn: z.string().nullable(), reviewOn: z.string().nullable(), createdBy: z.string(), createdAt: at,
    outcomes: z.array(z.object({ outcome: z.enum(OUTCOMES), label: z.string(), note: z.string().nullable(), recordedBy: z.string(), recordedAt: at })),
  })),
  recommended: z.array(OfferSchema).describe('catalogue offers for their current factors, most relevant first'),
  teamMembers: z.array(z.object({ id: z.string(), name: z.string() })).describe('whom a supervisor may allocate to (empty for others)'),
});
export type Casework = z.infer<typeof CaseworkSchema>;

const iso = (value: unknown) => (value instanceof Date ? value.toISOString() : String(value));

export async function loadCasework(
  store: Store, principal: Principal, personId: string, options: { heldBy?: string | null } = {},
): Promise<Casework> {
  const config = caseworkConfig();
  const q = <T>(sql: string) => store.sql.query<T>(sql, [personId]);
  // The statements are independent: they run at once on the pool.
  const heldTeam = async () => {
    const held = options.heldBy !== undefined ? options.heldBy : await teamHolding(store, config.teams, personId);
    return held ? store.sql.query<{ id: string; name: string }>('SELECT id, name FROM teams WHERE id = $1', [held]) : [];
  };
  const [[team], [allocation], decisions, [consent], plans, outcomes, factors, members] = await Promise.all([heldTeam(), q<{ team_id: string; worker_id: string | null; worker_name: string | null; allocated_by: string; allocated_at: unknown }>(
    `SELECT a.team_id, a.worker_id, u.display_name AS worker_name, a.allocated_by, a.allocated_at FROM allocations a
       LEFT JOIN users u ON u.id = a.worker_id WHERE a.person_id = $1 AND a.ended_at IS NULL`), q<{ id: number | string; kind: Casework['decisions'][number]['kind']; reason: string; probability: number | null; decided_by: string; decided_at: unknown }>(
    'SELECT id, kind, reason, probability, decided_by, decided_at FROM decisions WHERE person_id = $1 ORDER BY decided_at DESC, id DESC'), q<{ status: 'given'; given_by: 'young_person'; note: string | null; recorded_by: string; recorded_at: unknown }>(
    'SELECT status, given_by, note, recorded_by, recorded_at FROM consents WHERE person_id = $1 ORDER BY recorded_at DESC, id DESC LIMIT 1'), q<{ id: number | string; offer_id: string; goal: string; status: 'planned'; start_on: string | null; review_on: string | null; created_by: string; created_at: unknown }>(
    `SELECT id, offer_id, goal, status, start_on::text AS start_on, review_on::text AS review_on, created_by, created_at
       FROM support_plans WHERE person_id = $1 ORDER BY created_at DESC, id DESC`), q<{ plan_id: number | string; outcome: 'engaged'; note: string | null; recorded_by: string; recorded_at: unknown }>(
    `SELECT o.plan_id, o.outcome, o.note, o.recorded_by, o.recorded_at FROM support_outcomes o
       JOIN support_plans p ON p.id = o.plan_id WHERE p.person_id = $1 ORDER BY o.recorded_at, o.id`), q<{ factor: string }>(
    `SELECT factor FROM factor_instances WHERE person_id = $1 AND person_id NOT IN (${EXCLUDED_PERSONS_SQL})
        AND as_of = (SELECT max(as_of) FROM factor_instances WHERE person_id = $1)`),
  principal.role === 'supervisor' && principal.teamId ? teamMembers(store, principal.teamId) : Promise.resolve([])]);
  const offers = new Map(config.catalogue.offers.map((o) => [o.id, o]));
  return {
    heldBy: team ?? null,
    allocation: allocation ? {
      teamId: allocation.team_id, workerId: allocation.worker_id, workerName: allocation.worker_name,
      allocatedBy: allocation.allocated_by, allocatedAt: iso(allocation.allocated_at),
    } : null,
    decisions: decisions.map((d) => ({
      id: Number(d.id), kind: d.kind, label: labels.decision[d.kind], reason: d.reason,
      probability: d.probability === null ? null : Number(d.probability), decidedBy: d.decided_by, decidedAt: iso(d.decided_at),
    })),
    consent: consent ? {
      status: consent.status, givenBy: consent.given_by, note: consent.note, recordedBy: consent.recorded_by, recordedAt: iso(consent.recorded_at),
    } : null,
    plans: plans.map((p) => ({
      id: Number(p.id), goal: p.goal, status: p.status, startOn: p.start_on, reviewOn: p.review_on, createdBy: p.created_by, createdAt: iso(p.created_at),
      offer: { id: p.offer_id, name: offers.get(p.offer_id)?.name ?? p.offer_id, provider: offers.get(p.offer_id)?.provider ?? 'No longer in the catalogue' },
      outcomes: outcomes.filter((o) => Number(o.plan_id) === Number(p.id)).map((o) => ({
        outcome: o.outcome, label: labels.outcome[o.outcome], note: o.note, recordedBy: o.recorded_by, recordedAt: iso(o.recorded_at),
      })),
    })),
    recommended: recommendOffers(config.catalogue, factors.map((f) => f.factor)).map(({ offer, addresses }) => ({
      ...offer, typeLabel: offerTypeLabels[offer.type], addresses: addresses.map((id) => ({ id, label: factorLabel(id) })),
    })),
    teamMembers: members.map(({ id, name }) => ({ id, name })),
  };
}

/** Every offer in the catalogue, with its labels. */
export function catalogueOffers(): Array<z.infer<typeof OfferSchema>> {
  return caseworkConfig().catalogue.offers.map((offer) => ({
    ...offer, typeLabel: offerTypeLabels[offer.type], addresses: offer.addresses.map((id) => ({ id, label: factorLabel(id) })),
  }));
}
