/**
 * The contract with the ingest stage for special category events: `value` is stored as an envelope
 * string and `detail` as `{ "sealed": "<envelope of its JSON>" }`, so the jsonb column stays JSON and
 * a reader can tell sealed detail from plain detail.
 */
import { decryptSpecial, encryptSpecial, encryptSpecialComparable, isSealed, type SpecialCategoryKey } from './special-envelope.ts';

export interface EventFields {
  value: string | null;
  detail: Record<string, unknown> | null;
}

/** `detail` as stored when sealed. */
export interface SealedDetail {
  sealed: string;
}

/** Whether a stored `detail` is sealed. */
export function isSealedDetail(detail: unknown): detail is SealedDetail {
  return typeof detail === 'object' && detail !== null && isSealed((detail as Record<string, unknown>).sealed);
}

/**
 * Seals a health event's `value` and `detail` before they are written (idempotent: sealed input is
 * returned as it is). With `comparableValue`, equal values seal to equal envelopes (see
 * `encryptSpecialComparable`), so a unique index on the value still de-duplicates.
 * @example sealEventFields({ value: 'tier 3', detail: { service: 'CGL' } }, key)
 * // { value: 'v1:…', detail: { sealed: 'v1:…' } }
 */
export function sealEventFields(
  fields: { value: string | null; detail: Record<string, unknown> | SealedDetail | null }, key: SpecialCategoryKey,
  options: { comparableValue?: boolean } = {}): { value: string | null; detail: SealedDetail | null } {
  const seal = options.comparableValue ? encryptSpecialComparable : encryptSpecial;
  const value = fields.value === null || isSealed(fields.value) ? fields.value : seal(fields.value, key);
  const detail = fields.detail === null ? null
    : isSealedDetail(fields.detail) ? fields.detail
      : { sealed: encryptSpecial(JSON.stringify(fields.detail), key) };
  return { value, detail };
}

/** Opens what `sealEventFields` sealed; plain (unsealed) fields pass through. */
export function openEventFields(fields: { value: string | null; detail: unknown }, key: SpecialCategoryKey): EventFields {
  const value = isSealed(fields.value) ? decryptSpecial(fields.value, key) : fields.value;
  const detail = isSealedDetail(fields.detail)
    ? JSON.parse(decryptSpecial(fields.detail.sealed, key)) as Record<string, unknown>
    : (fields.detail as Record<string, unknown> | null) ?? null;
  return { value, detail };
}
