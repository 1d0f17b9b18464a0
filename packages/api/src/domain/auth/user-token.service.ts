import type { Executor, UserTokenPurpose } from '@stayhub/db';
import type { Deps } from '../deps.ts';
import { ValidationError } from '../errors.ts';
import { newOneTimeToken, userTokenTtlMs } from './auth.rules.ts';
import { hashToken } from './session.rules.ts';
import { consumeToken, deleteUnusedTokens, findUsableToken, insertUserToken } from './user-token.queries.ts';

/**
 * Bad, expired and used codes all answer the same way, BAD_REQUEST with reason INVALID_TOKEN on the
 * `token` field: which of the three it was is no business of whoever holds the code.
 */
export function invalidTokenError(path: readonly string[] = ['token']): ValidationError {
  return new ValidationError('this code is invalid, expired or already used', path, 'INVALID_TOKEN');
}

/**
 * Issues a single-use token for `purpose` on the caller's executor and returns the only copy of it; only its
 * hash is stored. Earlier unused tokens of the same purpose stop working, so only the newest mail counts.
 */
export async function issueUserToken(
  deps: Pick<Deps, 'clock'>,
  executor: Executor,
  userId: string,
  purpose: UserTokenPurpose,
  /** For email_change: the address the code goes to, kept with it. */
  newEmail?: string,
): Promise<string> {
  const token = newOneTimeToken();
  const now = deps.clock.now();
  await deleteUnusedTokens(executor, userId, purpose);
  await insertUserToken(executor, {
    user_id: userId,
    purpose,
    token_hash: hashToken(token),
    created_at: now,
    expires_at: new Date(now.getTime() + userTokenTtlMs[purpose]),
    ...(newEmail === undefined ? {} : { new_email: newEmail }),
  });
  return token;
}

/** Refuses a token that would not be accepted now, without using it up (cheap, before expensive work). */
export async function assertUsableToken(
  executor: Executor,
  token: string,
  purpose: UserTokenPurpose,
  now: Date,
): Promise<void> {
  if (!(await findUsableToken(executor, hashToken(token), purpose, now))) throw invalidTokenError();
}

/** Uses a token up and returns its user; pass the transaction of the change the token authorises. */
export async function consumeUserToken(
  executor: Executor,
  token: string,
  purpose: UserTokenPurpose,
  now: Date,
): Promise<string> {
  const row = await consumeToken(executor, hashToken(token), purpose, now);
  if (!row) throw invalidTokenError();
  return row.user_id;
}
