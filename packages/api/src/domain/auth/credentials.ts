import { randomBytes } from 'node:crypto';
import { hashPassword, verifyPassword } from './password.ts';

export interface PasswordVerifier {
  verify(passwordHash: string, password: string): Promise<boolean>;
  /** A hash of no one's password, with the same parameters as real ones. */
  dummyHash(): Promise<string>;
}

let dummy: Promise<string> | undefined;

/** argon2id, with a dummy hash computed once, on first use, from random bytes nobody knows. */
export const argon2Verifier: PasswordVerifier = {
  verify: verifyPassword,
  dummyHash: () => {
    dummy ??= hashPassword(randomBytes(32).toString('base64url'));
    return dummy;
  },
};

/**
 * Whether `password` matches `storedHash`. An unknown account (no hash) is checked against the dummy hash,
 * so both paths cost exactly one argon2 verify and an unknown email cannot be told from a wrong password
 * by timing (SPEC §7, no account enumeration). An unknown account never matches.
 */
export async function checkPassword(
  storedHash: string | undefined,
  password: string,
  verifier: PasswordVerifier = argon2Verifier,
): Promise<boolean> {
  const matches = await verifier.verify(storedHash ?? (await verifier.dummyHash()), password);
  return storedHash !== undefined && matches;
}
