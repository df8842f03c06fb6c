/** Canonical JSON: object keys sorted at every depth, no whitespace — the same bytes for the same value. */
export type Json = string | number | boolean | null | Json[] | { [key: string]: Json };

/**
 * Serialises `value` canonically, so a hash over it does not depend on key order.
 * @example canonicalJson({ b: 1, a: [true, null] }) // '{"a":[true,null],"b":1}'
 */
export function canonicalJson(value: Json): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const keys = Object.keys(value).filter((key) => value[key] !== undefined).sort();
    return `{${keys.map((key) => `${JSON.stringify(key)}:${canonicalJson(value[key] as Json)}`).join(',')}}`;
  }
  if (typeof value === 'number' && !Number.isFinite(value)) throw new Error(`canonicalJson: ${value} is not JSON`);
  return JSON.stringify(value);
}
