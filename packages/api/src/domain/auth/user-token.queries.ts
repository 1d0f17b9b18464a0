import type { Executor, UserTokenPurpose } from '@stayhub/db';

/** Single-use tokens mailed to users: only their SHA-256 is stored (user_tokens.token_hash). */

export function insertUserToken(
  db: Executor,
  values: {
    user_id: string;
    purpose: UserTokenPurpose;
    token_hash: Buffer;
    expires_at: Date;
    created_at: Date;
    /** Only for email_change: the address the code was mailed to. */
    new_email?: string;
  },
) {
  return db.insertInto('user_tokens').values(values).execute();
}

/** Forgets a user's unused tokens of one purpose: only the newest mailed code works. */
export function deleteUnusedTokens(db: Executor, userId: string, purpose: UserTokenPurpose) {
  return db
    .deleteFrom('user_tokens')
    .where('user_id', '=', userId)
    .where('purpose', '=', purpose)
    .where('used_at', 'is', null)
    .execute();
}

/** Whether a token would be accepted now: unused, unexpired, of an active user. Reads only. */
export function findUsableToken(db: Executor, tokenHash: Buffer, purpose: UserTokenPurpose, now: Date) {
  return db
    .selectFrom('user_tokens')
    .innerJoin('users', 'users.user_id', 'user_tokens.user_id')
    .select(['user_tokens.token_id', 'user_tokens.user_id'])
    .where('user_tokens.token_hash', '=', tokenHash)
    .where('user_tokens.purpose', '=', purpose)
    .where('user_tokens.used_at', 'is', null)
    .where('user_tokens.expires_at', '>', now)
    .where('users.status', '=', 'active')
    .executeTakeFirst();
}

/**
 * Marks a usable token used and returns its user, in one statement: of two concurrent uses of one token,
 * exactly one gets a row back (the other waits on the row lock, then sees used_at set).
 */
export function consumeToken(db: Executor, tokenHash: Buffer, purpose: UserTokenPurpose, now: Date) {
  return db
    .updateTable('user_tokens')
    .set({ used_at: now })
    .where('token_hash', '=', tokenHash)
    .where('purpose', '=', purpose)
    .where('used_at', 'is', null)
    .where('expires_at', '>', now)
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom('users')
          .select('users.user_id')
          .whereRef('users.user_id', '=', 'user_tokens.user_id')
          .where('users.status', '=', 'active'),
      ),
    )
    .returning(['user_id'])
    .executeTakeFirst();
}

/**
 * Uses up the viewer's email_change code and returns the address it was mailed to, in one statement (one
 * winner among concurrent uses). Someone else's code matches nothing.
 */
export function consumeEmailChangeToken(db: Executor, tokenHash: Buffer, userId: string, now: Date) {
  return db
    .updateTable('user_tokens')
    .set({ used_at: now })
    .where('token_hash', '=', tokenHash)
    .where('purpose', '=', 'email_change')
    .where('user_id', '=', userId)
    .where('used_at', 'is', null)
    .where('expires_at', '>', now)
    .returning(['new_email'])
    .executeTakeFirst();
}

/** Tokens past their validity (used ones expire too) are kept no longer than this sweep's interval. */
export function deleteExpiredTokens(db: Executor, now: Date) {
  return db.deleteFrom('user_tokens').where('expires_at', '<=', now).executeTakeFirst();
}
