/**
 * Relationships an agency recorded between one of the person's records and another record. The rule:
 * the export says that the relationship exists, what it is, who recorded it and which agency holds
 * the related record — never the related person's identifiers, their agency reference, their
 * person id or their events, which are that person's data.
 */
import { jsonRows, type SarSection } from './sar-section.ts';

export const relationshipsSection: SarSection = {
  id: 'relationships',
  title: 'Family and household relationships recorded with your records',
  about: 'Where an agency recorded a parent, carer, sibling or household member alongside your record. We show that the relationship is recorded and which agency holds the other person’s record, but not their details: those belong to them.',
  labels: { relationshipId: 'Relationship', yourRecordId: 'Your record', related: 'The other person is your', recordedIn: 'Recorded in', relatedRecordAgency: 'Agency holding their record', relatedRecordIsYours: 'Their record is also yours' },
  rows: (ctx) => jsonRows(ctx, `
    WITH own_side AS (
      SELECT r.*, true AS own_is_to FROM relationships r WHERE r.to_record_id = ANY($1::bigint[])
      UNION ALL
      SELECT r.*, false FROM relationships r WHERE r.from_record_id = ANY($1::bigint[]) AND NOT r.to_record_id = ANY($1::bigint[])
    )
    SELECT jsonb_build_object('relationshipId', s.id,
      'yourRecordId', CASE WHEN s.own_is_to THEN s.to_record_id ELSE s.from_record_id END,
      'related', CASE s.kind
        WHEN 'parent_of' THEN CASE WHEN s.own_is_to THEN 'parent' ELSE 'child' END
        WHEN 'carer_of' THEN CASE WHEN s.own_is_to THEN 'carer' ELSE 'cared-for person' END
        WHEN 'sibling_of' THEN 'sibling' ELSE 'household member' END,
      'recordedIn', s.dataset_id, 'relatedRecordAgency', o.agency_id,
      'relatedRecordIsYours', o.id = ANY($1::bigint[])) AS row
    FROM own_side s
    JOIN source_records o ON o.id = CASE WHEN s.own_is_to THEN s.from_record_id ELSE s.to_record_id END
    ORDER BY s.id`, [ctx.recordIds]),
};
