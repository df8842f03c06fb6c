/**
 * Special category (health) events are sealed before they are written, under the key from
 * configuration (`TRIBUTARY_HEALTH_KEY`): the value and the whole detail go into envelopes that only
 * the key opens. The value is sealed comparably (equal values, equal envelopes), so a re-sent event
 * is still recognised by `events_once`. Dates in the detail (a spell's end) also stay readable beside
 * the envelope, as the event's own date does, so that episode factors can tell when a spell ended.
 */
import { sealEventFields, type SpecialCategoryKey } from '../../governance/special-category/index.ts';
import type { Mapping } from '../mapping-schema.ts';
import { ruleGivesSpecialEvents } from '../mapping/special-rules.ts';
import type { CanonicalEvent } from '../canonical-record.ts';

const DATE = /^(\d{4}-\d{2}-\d{2}([T ][0-9:.]+(Z|[+-]\d{2}:?\d{2})?)?|\d{2}\/\d{2}\/\d{4})$/;

/** Whether any event rule of the mapping can give a special category event (a key is then needed). */
export const mappingHasSpecialEvents = (mapping: Mapping): boolean => mapping.events.some(ruleGivesSpecialEvents);

/**
 * The value and detail of `event` as stored: as they are for an ordinary event, sealed for a
 * special category one.
 * @example storedEventFields({ code: 'health.x', value: 'tier 3', detail: { 'period.end': '2024-05-01', service: 'CGL' }, … }, key)
 * // { value: 'v1:…', detail: { 'period.end': '2024-05-01', sealed: 'v1:…' } }
 */
export function storedEventFields(event: CanonicalEvent, key: SpecialCategoryKey | null): { value: string | null; detail: Record<string, unknown> | null } {
  if (!event.specialCategory) return { value: event.value, detail: event.detail };
  if (key === null) throw new Error(`a special category event (${event.code}) reached the store without a key to seal it`);
  const sealed = sealEventFields({ value: event.value, detail: event.detail }, key, { comparableValue: true });
  if (sealed.detail === null) return { value: sealed.value, detail: null };
  const dates = Object.fromEntries(Object.entries(event.detail ?? {}).filter(([, v]) => typeof v === 'string' && DATE.test(v)));
  return { value: sealed.value, detail: { ...dates, sealed: sealed.detail.sealed } };
}
