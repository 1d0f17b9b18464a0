import { type Algorithm, hash, type Options, verify } from '@node-rs/argon2';

/**
 * argon2id with the OWASP Password Storage Cheat Sheet's first recommended setting:
 * m = 19 MiB, t = 2, p = 1 (SPEC §7). The parameters travel inside each hash, so raising them later
 * still verifies old hashes.
 */
// The package's `Algorithm` is an ambient const enum (not importable as a value here); 2 is Argon2id.
const ARGON2ID: Algorithm = 2;
const OPTIONS: Options = { algorithm: ARGON2ID, memoryCost: 19_456, timeCost: 2, parallelism: 1 };

export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS);
}

/**
 * Whether `password` matches `passwordHash`. A hash argon2 cannot read (a corrupt row, a foreign format) is
 * an error, not a wrong password: it throws, so it reaches the log as a 500 instead of locking its owner out
 * behind "wrong password" for good.
 */
export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch (cause) {
    throw new Error('the stored password hash cannot be verified', { cause });
  }
}
