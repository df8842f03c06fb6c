/**
 * Special category data (health) sealed at rest: AES-256-GCM with a random 96-bit IV, in a versioned
 * text envelope `v1:<iv>:<tag>:<ciphertext>` (each part base64), so that the key or the cipher can
 * change later without guessing what an old value was.
 */
import { createCipheriv, createDecipheriv, createHmac, randomBytes } from 'node:crypto';

const VERSION = 'v1';
const IV_BYTES = 12;
const TAG_BYTES = 16;

/** A 32-byte AES-256 key, as `loadSpecialCategoryKey` returns it. */
export type SpecialCategoryKey = Buffer;

/** Thrown when an envelope is malformed, was tampered with, or was sealed under another key. */
export class SpecialCategoryError extends Error {
  constructor(readonly code: 'TRB_SPECIAL_MALFORMED' | 'TRB_SPECIAL_UNREADABLE' | 'TRB_SPECIAL_BAD_KEY', message: string) {
    super(message);
    this.name = 'SpecialCategoryError';
  }
}

function checkKey(key: SpecialCategoryKey): void {
  if (key.length !== 32) {
    throw new SpecialCategoryError('TRB_SPECIAL_BAD_KEY', `the special category key must be 32 bytes, not ${key.length}`);
  }
}

/**
 * Seals `plain` under `key`; every call uses a fresh IV, so equal values give different envelopes.
 * @example encryptSpecial('tier 2 service', key) // 'v1:4m…:Qb…:Zx…'
 */
export function encryptSpecial(plain: string, key: SpecialCategoryKey): string {
  checkKey(key);
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  return [VERSION, iv.toString('base64'), cipher.getAuthTag().toString('base64'), body.toString('base64')].join(':');
}

/**
 * Seals `plain` with an IV derived from it (an HMAC under a sub-key of `key`), so equal values give
 * equal envelopes: a store can tell that two sealed values are the same (ingest de-duplicates a
 * re-sent health event by it) without reading them. Reveals only equality; opened by `decryptSpecial`.
 */
export function encryptSpecialComparable(plain: string, key: SpecialCategoryKey): string {
  checkKey(key);
  const ivKey = createHmac('sha256', key).update('tributary special-category comparable iv v1').digest();
  const iv = createHmac('sha256', ivKey).update(plain, 'utf8').digest().subarray(0, IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  return [VERSION, iv.toString('base64'), cipher.getAuthTag().toString('base64'), body.toString('base64')].join(':');
}

/** Opens an envelope sealed by `encryptSpecial`; throws if it was altered or the key is not the one it was sealed with. */
export function decryptSpecial(envelope: string, key: SpecialCategoryKey): string {
  checkKey(key);
  const parts = envelope.split(':');
  if (parts.length !== 4 || parts[0] !== VERSION) {
    throw new SpecialCategoryError('TRB_SPECIAL_MALFORMED', `not a ${VERSION} special category envelope`);
  }
  const [iv, tag, body] = parts.slice(1).map((part) => Buffer.from(part as string, 'base64')) as [Buffer, Buffer, Buffer];
  if (iv.length !== IV_BYTES || tag.length !== TAG_BYTES) {
    throw new SpecialCategoryError('TRB_SPECIAL_MALFORMED', 'the envelope has a wrong-sized IV or tag');
  }
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, iv);
    decipher.setAuthTag(tag);
    return Buffer.concat([decipher.update(body), decipher.final()]).toString('utf8');
  } catch {
    throw new SpecialCategoryError('TRB_SPECIAL_UNREADABLE',
      'the envelope failed authentication: it was altered, or sealed under a different key (check TRIBUTARY_HEALTH_KEY)');
  }
}

/** Whether a stored value is a sealed envelope (so that it is never sealed twice or shown raw). */
export function isSealed(value: unknown): value is string {
  return typeof value === 'string' && value.startsWith(`${VERSION}:`) && value.split(':').length === 4;
}
