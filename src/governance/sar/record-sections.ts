/**
 * The person's own source records (every standardised identifier and the raw values the agency
 * sent) and the events recorded on them. Health values are opened with the key when one is given:
 * the person may see their own health data in full, whatever practitioners may see.
 */
import { isSealed, isSealedDetail, openEventFields } from '../special-category/index.ts';
import type { SarContext } from './sar-context.ts';
import { normaliseValue } from './sar-context.ts';
import { jsonRows, utc, type SarRow, type SarSection, type SarValue } from './sar-section.ts';

/** Withholds raw values that identify someone else related to this person (a parent's name on their school row). */
function withholdOthers(raw: Record<string, SarValue>, ctx: SarContext): Record<string, SarValue> {
  return Object.fromEntries(Object.entries(raw).map(([key, value]) => [key,
    value !== null && ctx.othersValues.has(normaliseValue(value)) ? '[withheld: about another person]' : value]));
}

export const sourceRecordsSection: SarSection = {
  id: 'source_records',
  title: 'Records agencies shared about you',
  about: 'Each record an agency sent to the partnership and that was matched to you: the details as standardised for matching, and the values exactly as the agency sent them.',
  labels: { recordId: 'Record', agency: 'Agency', dataset: 'Dataset', localId: 'Agency reference', disputed: 'Disputed', loadedAt: 'Received', identifiers: 'Details used for matching', raw: 'As sent by the agency', kind: 'Record type' },
  async rows(ctx) {
    const rows = await jsonRows(ctx, `
      SELECT jsonb_build_object('recordId', sr.id, 'agency', a.name, 'dataset', sr.dataset_id, 'localId', sr.local_id,
        'kind', sr.kind, 'disputed', sr.disputed, 'loadedAt', ${utc('sr.loaded_at')},
        'identifiers', jsonb_strip_nulls(jsonb_build_object('given_name', sr.given_name, 'middle_names', sr.middle_names,
          'family_name', sr.family_name, 'former_family_names', sr.former_family_names, 'dob', sr.dob::text, 'sex', sr.sex,
          'postcode', sr.postcode, 'address', sr.address, 'locality', sr.locality, 'region', sr.region,
          'nhs_number', sr.nhs_number, 'upn', sr.upn, 'ni_number', sr.ni_number, 'pnc_id', sr.pnc_id, 'email', sr.email,
          'phone', sr.phone, 'extra_ids', sr.extra_ids, 'attributes', sr.attributes)),
        'raw', sr.raw) AS row
      FROM source_records sr JOIN agencies a ON a.id = sr.agency_id
      WHERE sr.id = ANY($1::bigint[]) ORDER BY sr.id`, [ctx.recordIds]);
    return rows.map((row) => ({ ...row, raw: withholdOthers(row.raw as Record<string, SarValue>, ctx) }));
  },
};

function openFields(row: SarRow, ctx: SarContext): SarRow {
  if (!isSealed(row.value) && !isSealedDetail(row.detail)) return row;
  if (!ctx.key) return { ...row, value: '[sealed health data: ask for the key holder to open it]', detail: null };
  const opened = openEventFields({ value: row.value as string | null, detail: row.detail }, ctx.key);
  return { ...row, value: opened.value, detail: opened.detail as SarValue };
}

export const eventsSection: SarSection = {
  id: 'events',
  title: 'Events on your records',
  about: 'The dated facts recorded on your records (for example a school suspension or a service contact). Health events are special category data, kept encrypted.',
  labels: { eventId: 'Event', recordId: 'Record', code: 'What', occurredOn: 'Date', recordedOn: 'Recorded', value: 'Value', detail: 'Detail', specialCategory: 'Health (special category)' },
  async rows(ctx) {
    const rows = await jsonRows(ctx, `
      SELECT jsonb_build_object('eventId', e.id, 'recordId', e.source_record_id, 'code', e.code,
        'occurredOn', e.occurred_on::text, 'recordedOn', e.recorded_on::text, 'value', e.value, 'detail', e.detail,
        'specialCategory', e.special_category) AS row
      FROM events e WHERE e.source_record_id = ANY($1::bigint[]) ORDER BY e.occurred_on, e.id`, [ctx.recordIds]);
    return rows.map((row) => openFields(row, ctx));
  },
};
