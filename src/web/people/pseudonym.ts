/** Analysts see people by pseudonym: a keyed hash of the person id, stable while the key is. */
import { createHmac } from 'node:crypto';

/** @example pseudonymFor(key, 'p-7f3a9c') // 'psn-1b2c3d4e5f607182' */
export function pseudonymFor(key: string, personId: string): string {
  return `psn-${createHmac('sha256', key).update(personId).digest('hex').slice(0, 16)}`;
}
