/**
 * How the person's records were matched: each record's confidence, and every comparison of one of
 * their records with another (from a linkage run or the clerical review queue). When the other record
 * is someone else's, only its agency is shown.
 */
import { jsonRows, utc, type SarSection } from './sar-section.ts';

export const personSection: SarSection = {
  id: 'person',
  title: 'Your person record',
  about: 'The reference the partnership uses to bring your records together. If two references were found to be the same person, both are listed.',
  labels: { personId: 'Reference', status: 'Status', mergedInto: 'Merged into', createdAt: 'Created' },
  rows: (ctx) => jsonRows(ctx, `
    SELECT jsonb_build_object('personId', id, 'status', status, 'mergedInto', merged_into, 'createdAt', ${utc('created_at')}) AS row
    FROM persons WHERE id = ANY($1::text[]) ORDER BY id`, [ctx.personIds]),
};

export const linkConfidenceSection: SarSection = {
  id: 'link_confidence',
  title: 'How confident the match of each record is',
  about: 'For each of your records, the estimated probability that it really is about you (from the record linkage model), and the linkage run that matched it.',
  labels: { recordId: 'Record', matchProbability: 'Match probability', linkRun: 'Linkage run' },
  rows: (ctx) => jsonRows(ctx, `
    SELECT jsonb_build_object('recordId', source_record_id, 'matchProbability', match_probability, 'linkRun', run_id) AS row
    FROM person_records WHERE source_record_id = ANY($1::bigint[]) ORDER BY source_record_id`, [ctx.recordIds]),
};

export const comparisonsSection: SarSection = {
  id: 'record_comparisons',
  title: 'Comparisons between your records and others',
  about: 'Pairs of records the linkage compared, with the match weight and probability, and any decision by a linkage analyst. Where the other record is someone else’s, we show only which agency holds it.',
  labels: { source: 'Source', yourRecordId: 'Your record', otherRecordId: 'Other record', otherIsYours: 'Other record is yours', otherAgency: 'Agency of other record', matchWeight: 'Match weight', matchProbability: 'Match probability', reviewStatus: 'Analyst decision' },
  rows: (ctx) => jsonRows(ctx, `
    WITH pairs AS (
      SELECT 'linkage run ' || run_id AS source, record_l, record_r, match_weight, match_probability, NULL::text AS status, id, 1 AS ord
      FROM record_links WHERE record_l = ANY($1::bigint[]) OR record_r = ANY($1::bigint[])
      UNION ALL
      SELECT 'clerical review', record_l, record_r, match_weight, match_probability, status, id, 2
      FROM review_items WHERE record_l = ANY($1::bigint[]) OR record_r = ANY($1::bigint[])
    ), oriented AS (
      SELECT p.*, CASE WHEN record_l = ANY($1::bigint[]) THEN record_l ELSE record_r END AS own,
        CASE WHEN record_l = ANY($1::bigint[]) THEN record_r ELSE record_l END AS other FROM pairs p
    )
    SELECT jsonb_build_object('source', o.source, 'yourRecordId', o.own,
      'otherRecordId', CASE WHEN o.other = ANY($1::bigint[]) THEN o.other END,
      'otherIsYours', o.other = ANY($1::bigint[]), 'otherAgency', sr.agency_id,
      'matchWeight', o.match_weight, 'matchProbability', o.match_probability, 'reviewStatus', o.status) AS row
    FROM oriented o JOIN source_records sr ON sr.id = o.other
    ORDER BY o.ord, o.id`, [ctx.recordIds]),
};
