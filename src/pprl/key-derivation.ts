/** Per-purpose keys derived from the partnership's shared secret with HKDF (RFC 5869). */
import { hkdfSync } from 'node:crypto';
import type { LinkageSchema } from './clkhash-schema.ts';

type Kdf = LinkageSchema['clkConfig']['kdf'];

/** The smallest secret accepted: shorter ones make a dictionary attack on the encodings cheap. */
export const MIN_SECRET_BYTES = 16;

/**
 * Derives `count` keys of `kdf.keySize` bytes for one purpose. The HKDF `info` is the schema's
 * `kdf.info` bytes (usually none) followed by the purpose's name (a feature identifier, or
 * `blocking:NAME`, `balance`), so every field and every blocking key has its own keys.
 */
export function deriveKeys(secret: Uint8Array, kdf: Kdf, purpose: string, count: number): Uint8Array[] {
  const salt = kdf.salt ? Buffer.from(kdf.salt, 'base64') : Buffer.alloc(0);
  const info = Buffer.concat([kdf.info ? Buffer.from(kdf.info, 'base64') : Buffer.alloc(0), Buffer.from(purpose, 'utf8')]);
  const hash = kdf.hash === 'SHA512' ? 'sha512' : 'sha256';
  const bytes = new Uint8Array(hkdfSync(hash, secret, salt, info, kdf.keySize * count));
  return Array.from({ length: count }, (_, i) => bytes.slice(i * kdf.keySize, (i + 1) * kdf.keySize));
}

/**
 * Reads a secret from a key file's bytes: one trailing newline is ignored; it must hold at least
 * {@link MIN_SECRET_BYTES} bytes.
 */
export function secretFromFile(bytes: Uint8Array, where: string): Uint8Array {
  let end = bytes.length;
  if (end > 0 && bytes[end - 1] === 0x0a) end--;
  if (end > 0 && bytes[end - 1] === 0x0d) end--;
  const secret = bytes.slice(0, end);
  if (secret.length < MIN_SECRET_BYTES) {
    throw new Error(`${where}: the secret is ${secret.length} bytes; at least ${MIN_SECRET_BYTES} are needed. `
      + 'Make one with `openssl rand -base64 32 > KEY` and share it only with the other agencies, never with the hub.');
  }
  return secret;
}
