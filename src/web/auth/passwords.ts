/** Password hashing with argon2id (OWASP's minimum: 19 MiB, two passes, one lane). */
import argon2 from 'argon2';

const options = { type: argon2.argon2id, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

/** An argon2id hash of `password`, in the PHC string format. */
export function hashPassword(password: string): Promise<string> {
  return argon2.hash(password, options);
}

/** True when `password` matches `hash`; false (never a throw) for a malformed hash. */
export async function verifyPassword(hash: string, password: string): Promise<boolean> {
  try {
    return await argon2.verify(hash, password);
  } catch {
    return false;
  }
}

let dummy: Promise<string> | undefined;

/** Spends the same time as a real check, so an unknown username cannot be told apart by timing. */
export async function verifyAgainstDummy(password: string): Promise<false> {
  dummy ??= hashPassword('not-a-real-account-password');
  await verifyPassword(await dummy, password);
  return false;
}
