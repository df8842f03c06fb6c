/**
 * What of a health event a practitioner may see, by the agreement it came under:
 * `service_contact` shows only that the young person was in contact with a service
 * ("NHS: substance-misuse service contact"); `clinical_detail` shows the decrypted value and detail.
 * Anything else (an unknown level, no key) falls back to the service contact.
 */
import { openEventFields } from './sealed-event-fields.ts';
import type { SpecialCategoryKey } from './special-envelope.ts';

export interface DisclosableEvent {
  code: string;
  specialCategory: boolean;
  value: string | null;
  detail: unknown;
}

export type Disclosure =
  | { kind: 'full'; value: string | null; detail: Record<string, unknown> | null }
  | { kind: 'service_contact'; label: string }
  | { kind: 'clinical_detail'; label: string; value: string | null; detail: Record<string, unknown> | null };

const SERVICE_LABELS: Record<string, string> = {
  'health.substance_misuse_treatment': 'NHS: substance-misuse service contact',
  'health.alcohol_related_ae': 'NHS: emergency department attendance (alcohol-related)',
};

/** The plain-language service contact shown for a health event code. */
export function serviceContactLabel(code: string): string {
  return SERVICE_LABELS[code] ?? 'NHS: health service contact';
}

/**
 * What may be shown of `event` under `agreement` (its `healthDisclosure`). Events that are not
 * special category are shown in full; sealed fields are opened only for `clinical_detail`.
 * @example healthDisclosure(event, { healthDisclosure: 'service_contact' })
 * // { kind: 'service_contact', label: 'NHS: substance-misuse service contact' }
 */
export function healthDisclosure(
  event: DisclosableEvent, agreement: { healthDisclosure: string }, key?: SpecialCategoryKey,
): Disclosure {
  if (!event.specialCategory) {
    return { kind: 'full', value: event.value, detail: (event.detail as Record<string, unknown> | null) ?? null };
  }
  const label = serviceContactLabel(event.code);
  if (agreement.healthDisclosure !== 'clinical_detail' || !key) return { kind: 'service_contact', label };
  return { kind: 'clinical_detail', label, ...openEventFields(event, key) };
}
