/**
 * Risk factors and scores: each factor found for the person, as of a date, with the events that
 * evidence it (first and last seen are recomputed from the person's own evidence, since a family
 * factor's dates are the relative's event dates), and every score with its model version and the contribution of each factor. Evidence
 * from a relative's record (a family factor) says only that it came from a relative, which
 * relationship, and which agency — the relative's event is their data.
 */
import type { SarContext } from './sar-context.ts';
import { jsonRows, utc, type SarRow, type SarSection, type SarValue } from './sar-section.ts';

type Evidence = Record<string, SarValue>;

function evidenceForSubject(evidence: Evidence, ctx: SarContext): Evidence {
  if (ctx.recordIds.includes(Number(evidence.sourceRecordId))) {
    const { via: _via, relations: _relations, ...own } = evidence;
    return own;
  }
  return {
    from: 'a relative’s record', relations: evidence.relations ?? null, agencyId: evidence.agencyId ?? null,
    detail: '[withheld: about another person]',
  };
}

export const factorsSection: SarSection = {
  id: 'factors',
  title: 'Risk factors found',
  about: 'Risk factors are circumstances that published research links to a higher chance of offending. Each was found as of a date, from the events listed as its evidence.',
  labels: { factor: 'Factor', asOf: 'As of', firstSeen: 'First seen', lastSeen: 'Last seen', evidence: 'Evidence', factorInstanceId: 'Reference' },
  async rows(ctx) {
    const rows = await jsonRows(ctx, `
      SELECT jsonb_build_object('factorInstanceId', id, 'factor', factor, 'asOf', as_of::text, 'firstSeen', first_seen::text,
        'lastSeen', last_seen::text, 'evidence', evidence) AS row
      FROM factor_instances WHERE person_id = ANY($1::text[]) ORDER BY as_of, factor`, [ctx.personIds]);
    return rows.map((row): SarRow => {
      const evidence = (row.evidence as Evidence[]).map((item) => evidenceForSubject(item, ctx));
      const ownDates = evidence.map((item) => item.occurredOn).filter((d): d is string => typeof d === 'string').sort();
      const withheld = '[withheld: from a relative’s record]';
      return { ...row, firstSeen: ownDates[0] ?? withheld, lastSeen: ownDates[ownDates.length - 1] ?? withheld, evidence };
    });
  },
};

export const scoresSection: SarSection = {
  id: 'scores',
  title: 'Scores',
  about: 'A score is an estimate, from an approved model, of the chance of a first proven offence; it is the sum of the contributions listed. A score never decides anything on its own: a practitioner reviews it.',
  labels: { asOf: 'As of', probability: 'Probability', modelVersion: 'Model version', modelStatus: 'Model status', modelApprovedAt: 'Model approved', intercept: 'Baseline (intercept)', contributions: 'Contributions', scoredAt: 'Scored', scoreId: 'Reference' },
  rows: (ctx) => jsonRows(ctx, `
    SELECT jsonb_build_object('scoreId', s.id, 'asOf', s.as_of::text, 'probability', s.probability,
      'modelVersion', s.model_version_id, 'modelStatus', m.status, 'modelApprovedAt', ${utc('m.approved_at')},
      'intercept', s.intercept, 'contributions', s.contributions, 'scoredAt', ${utc('s.scored_at')}) AS row
    FROM scores s JOIN model_versions m ON m.id = s.model_version_id
    WHERE s.person_id = ANY($1::text[]) ORDER BY s.as_of, s.model_version_id`, [ctx.personIds]),
};
