/**
 * What the person page shows, as far as the role allows: who they are (name and date of birth for
 * practitioners, a pseudonym for analysts), their risk factors with the evidence, the score as
 * contributions, a timeline across agencies (health events only as the agreement discloses them),
 * the linked records with their match confidence, and their family.
 */
import { z } from 'zod';
import { EXCLUDED_PERSONS_SQL } from '../../governance/rights/index.ts';
import { healthDisclosure, type Disclosure, type SpecialCategoryKey } from '../../governance/special-category/index.ts';
import type { Store } from '../../store/index.ts';
import { HttpError } from '../http-error.ts';
import { factorLabel } from '../worklist/factor-labels.ts';
import { loadPersonLinks, PersonLinkSchema } from './person-links.ts';
import { loadScoreTrend, scoreTrendChart, TrendPointSchema } from './person-trend.ts';
import { pseudonymFor } from './pseudonym.ts';

const EvidenceSchema = z.object({ agency: z.string(), what: z.string(), when: z.string(), via: z.string().nullable() });
export const PersonDetailSchema = z.object({
  identity: z.object({ name: z.string().nullable(), dob: z.string().nullable() }).nullable()
    .describe('from their records; null when pseudonymised'),
  objecting: z.boolean().describe('they object: no factors or score are shown'),
  asOf: z.string().nullable(),
  factors: z.array(z.object({ id: z.string(), label: z.string(), firstSeen: z.string(), lastSeen: z.string(), evidence: z.array(EvidenceSchema) })),
  score: z.object({
    probability: z.number(), modelVersionId: z.string(), asOf: z.string(), intercept: z.number(),
    contributions: z.array(z.object({ feature: z.string(), label: z.string(), contribution: z.number() })),
  }).nullable(),
  timeline: z.array(z.object({ date: z.string(), agency: z.string(), what: z.string() })),
  records: z.array(z.object({
    sourceRecordId: z.number(), agency: z.string(), dataset: z.string(), matchProbability: z.number().nullable(), disputed: z.boolean(),
  })),
  family: z.array(z.object({ personRef: z.string(), relation: z.string(), name: z.string().nullable(), href: z.string().nullable() })),
  trend: z.array(TrendPointSchema).describe('the approved score at each as-of date, oldest first'),
  trendChart: z.record(z.string(), z.unknown()).describe('the trend as a Vega-Lite spec'),
  links: z.array(PersonLinkSchema).describe('stored links between their records, each with its waterfall or comparison vector'),
});
export type PersonDetail = z.infer<typeof PersonDetailSchema>;

const relationLabels: Record<string, [string, string]> = {
  parent_of: ['Parent', 'Child'], carer_of: ['Carer', 'Cared-for child'],
  sibling_of: ['Sibling', 'Sibling'], household_member: ['Household member', 'Household member'],
};

/** `school.permanent_exclusion` → "Permanent exclusion". */
export function eventLabel(code: string): string {
  const words = (code.split('.')[1] ?? code).replaceAll('_', ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** A health event as its agreement discloses it: the service contact, with the clinical detail when allowed. */
function disclosed(shown: Exclude<Disclosure, { kind: 'full' }>): string {
  if (shown.kind !== 'clinical_detail') return shown.label;
  const detail = Object.entries(shown.detail ?? {}).map(([k, v]) => `${k.replaceAll('_', ' ')}: ${String(v)}`);
  return [shown.label, shown.value, ...detail].filter(Boolean).join('; ');
}

const text = (value: unknown) => (value === null || value === undefined ? '' : String(value));

/** The person page's data for `personId`; throws NOT_FOUND for a person the store does not hold. */
export async function loadPersonDetail(
  store: Store, personId: string, view: { pseudonymised: boolean; pseudonymKey: string; specialKey?: () => SpecialCategoryKey },
): Promise<PersonDetail> {
  const q = <T>(sql: string) => store.sql.query<T>(sql, [personId]);
  // The statements are independent: they run at once on the pool. What an objection hides (factors,
  // score, trend) is read too and dropped below, rather than waiting for the person row first.
  const [[person], agencyRows, records, allFactorRows, [anyScore], events, family, allTrend, links] = await Promise.all([
    q<{ id: string; objecting: boolean }>(`SELECT id, id IN (${EXCLUDED_PERSONS_SQL}) AS objecting FROM persons WHERE id = $1`),
    store.sql.query<{ id: string; name: string }>('SELECT id, name FROM agencies'),
    q<{ id: number | string; agency_id: string; dataset_id: string; kind: string; given_name: string | null; family_name: string | null; dob: string | null; match_probability: number | null; disputed: boolean }>(
      `SELECT sr.id, sr.agency_id, sr.dataset_id, sr.kind, sr.given_name, sr.family_name, sr.dob::text AS dob, pr.match_probability, sr.disputed
         FROM person_records pr JOIN source_records sr ON sr.id = pr.source_record_id WHERE pr.person_id = $1 ORDER BY sr.id`),
    q<{ factor: string; as_of: string; first_seen: string; last_seen: string; evidence: Array<Record<string, unknown>> }>(
      `SELECT factor, as_of::text AS as_of, first_seen::text AS first_seen, last_seen::text AS last_seen, evidence FROM factor_instances
        WHERE person_id = $1 AND as_of = (SELECT max(as_of) FROM factor_instances WHERE person_id = $1) ORDER BY factor`),
    q<{ probability: number; model_version_id: string; as_of: string; intercept: number; contributions: Record<string, number> }>(
      `SELECT sc.probability, sc.model_version_id, sc.as_of::text AS as_of, sc.intercept, sc.contributions
         FROM scores sc JOIN model_versions mv ON mv.id = sc.model_version_id AND mv.status = 'approved'
        WHERE sc.person_id = $1 ORDER BY sc.as_of DESC, sc.scored_at DESC LIMIT 1`),
    q<{ code: string; occurred_on: string; agency_id: string; value: string | null; detail: unknown; special_category: boolean; health_disclosure: string | null }>(
      `SELECT e.code, e.occurred_on::text AS occurred_on, sr.agency_id, e.value, e.detail, e.special_category,
              (SELECT a.health_disclosure FROM agreements a WHERE a.dataset = e.dataset_id AND a.active ORDER BY a.valid_from DESC LIMIT 1) AS health_disclosure
         FROM events e JOIN source_records sr ON sr.id = e.source_record_id
         JOIN person_records pr ON pr.source_record_id = sr.id
        WHERE pr.person_id = $1 ORDER BY e.occurred_on DESC, e.id`),
    q<{ other: string; kind: string; outward: boolean; given_name: string | null; family_name: string | null }>(
      `SELECT DISTINCT op.person_id AS other, r.kind, (mine.person_id = $1 AND mine.source_record_id = r.from_record_id) AS outward,
              osr.given_name, osr.family_name
         FROM relationships r
         JOIN person_records mine ON mine.source_record_id IN (r.from_record_id, r.to_record_id) AND mine.person_id = $1
         JOIN person_records op ON op.source_record_id IN (r.from_record_id, r.to_record_id) AND op.person_id <> $1
         JOIN source_records osr ON osr.id = op.source_record_id
        ORDER BY 1, 2`),
    loadScoreTrend(store, personId),
    loadPersonLinks(store, personId),
  ]);
  if (!person) throw new HttpError('NOT_FOUND');
  const agencies = new Map(agencyRows.map((a) => [a.id, a.name]));
  const named = records.find((r) => r.kind === 'subject' && (r.given_name || r.family_name)) ?? records[0];
  const identity = view.pseudonymised ? null : {
    name: named ? [named.given_name, named.family_name].filter(Boolean).join(' ') || null : null, dob: named?.dob ?? null,
  };
  const factorRows = person.objecting ? [] : allFactorRows;
  const score = person.objecting ? undefined : anyScore;
  const trend = person.objecting ? [] : allTrend;
  return {
    identity, objecting: person.objecting, asOf: factorRows[0]?.as_of ?? null,
    trend, trendChart: scoreTrendChart(trend), links,
    factors: factorRows.map((row) => ({
      id: row.factor, label: factorLabel(row.factor), firstSeen: row.first_seen, lastSeen: row.last_seen,
      evidence: row.evidence.map((e) => ({
        agency: agencies.get(text(e.agencyId)) ?? text(e.agencyId), what: eventLabel(text(e.code)), when: text(e.occurredOn),
        via: e.via ? (relationLabels[text(e.via)]?.[0] ?? text(e.via)).toLowerCase() : null,
      })),
    })),
    score: score ? {
      probability: Number(score.probability), modelVersionId: score.model_version_id, asOf: score.as_of, intercept: Number(score.intercept),
      contributions: Object.entries(score.contributions).map(([feature, contribution]) => ({ feature, label: factorLabel(feature), contribution: Number(contribution) }))
        .sort((a, b) => Math.abs(b.contribution) - Math.abs(a.contribution)),
    } : null,
    timeline: events.map((e) => {
      const disclosure = e.health_disclosure ?? 'service_contact';
      // The key is read only for an event whose agreement discloses clinical detail.
      const key = e.special_category && disclosure === 'clinical_detail' ? view.specialKey?.() : undefined;
      const shown = healthDisclosure({ code: e.code, specialCategory: e.special_category, value: e.value, detail: e.detail },
        { healthDisclosure: disclosure }, key);
      const what = shown.kind === 'full' ? eventLabel(e.code) + (shown.value ? ` (${shown.value})` : '') : disclosed(shown);
      return { date: e.occurred_on, agency: agencies.get(e.agency_id) ?? e.agency_id, what };
    }),
    records: records.map((r) => ({
      sourceRecordId: Number(r.id), agency: agencies.get(r.agency_id) ?? r.agency_id, dataset: r.dataset_id,
      matchProbability: r.match_probability === null ? null : Number(r.match_probability), disputed: r.disputed,
    })),
    family: family.map((f) => ({
      personRef: view.pseudonymised ? pseudonymFor(view.pseudonymKey, f.other) : f.other,
      relation: relationLabels[f.kind]?.[f.outward ? 1 : 0] ?? f.kind,
      name: view.pseudonymised ? null : [f.given_name, f.family_name].filter(Boolean).join(' ') || null,
      href: view.pseudonymised ? null : `/people/${encodeURIComponent(f.other)}`,
    })),
  };
}
