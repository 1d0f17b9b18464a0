import type { Executor } from '@stayhub/db';
import { SESSION_TOUCH_INTERVAL_MS } from './session.rules.ts';

/** A session with the user facts every request needs (role, status), in one round trip. */
export function findSessionByTokenHash(db: Executor, tokenHash: Buffer) {
  return db
    .selectFrom('sessions')
    .innerJoin('users', 'users.user_id', 'sessions.user_id')
    .select([
      'sessions.session_id',
      'sessions.user_id',
      'sessions.expires_at',
      'sessions.absolute_expires_at',
      'sessions.last_used_at',
      'users.role',
      'users.status',
    ])
    .where('sessions.token_hash', '=', tokenHash)
    .executeTakeFirst();
}

/** Slides a session; a no-op when another request touched it within the interval (SESSION_TOUCH_INTERVAL_MS). */
export function touchSession(db: Executor, sessionId: string, lastUsedAt: Date, expiresAt: Date) {
  return db
    .updateTable('sessions')
    .set({ last_used_at: lastUsedAt, expires_at: expiresAt })
    .where('session_id', '=', sessionId)
    .where('last_used_at', '<=', new Date(lastUsedAt.getTime() - SESSION_TOUCH_INTERVAL_MS))
    .execute();
}

export function insertSession(
  db: Executor,
  values: {
    user_id: string;
    token_hash: Buffer;
    created_at: Date;
    expires_at: Date;
    absolute_expires_at: Date;
    last_used_at: Date;
    user_agent: string | null;
    ip: string | null;
  },
) {
  return db.insertInto('sessions').values(values).returning(['session_id']).executeTakeFirstOrThrow();
}

export function deleteExpiredSessions(db: Executor, now: Date) {
  return db
    .deleteFrom('sessions')
    .where((eb) => eb.or([eb('expires_at', '<=', now), eb('absolute_expires_at', '<=', now)]))
    .executeTakeFirst();
}

export function deleteSession(db: Executor, sessionId: string, userId: string) {
  return db
    .deleteFrom('sessions')
    .where('session_id', '=', sessionId)
    .where('user_id', '=', userId)
    .returning(['token_hash'])
    .executeTakeFirst();
}

/** Deletes a user's sessions (all, or all but one) and returns their token hashes for cache invalidation. */
export function deleteSessionsOfUser(db: Executor, userId: string, exceptSessionId?: string) {
  let query = db.deleteFrom('sessions').where('user_id', '=', userId);
  if (exceptSessionId) query = query.where('session_id', '<>', exceptSessionId);
  return query.returning(['token_hash']).execute();
}

export function tokenHashesOfUser(db: Executor, userId: string) {
  return db.selectFrom('sessions').select(['token_hash']).where('user_id', '=', userId).execute();
}

/**
 * A user's live sessions, newest first, keyset-paginated on (created_at, session_id). created_at comes from
 * the app clock at millisecond precision (startSession), so a cursor made from a JS Date matches exactly.
 */
export function listLiveSessionsOfUser(
  db: Executor,
  userId: string,
  now: Date,
  page: { after?: { createdAt: Date; sessionId: string } | undefined; limit: number },
) {
  let query = db
    .selectFrom('sessions')
    .select([
      'session_id',
      'created_at',
      'last_used_at',
      'expires_at',
      'absolute_expires_at',
      'user_agent',
      'ip',
    ])
    .where('user_id', '=', userId)
    .where('expires_at', '>', now)
    .where('absolute_expires_at', '>', now);
  if (page.after) {
    const { createdAt, sessionId } = page.after;
    query = query.where((eb) =>
      eb(eb.refTuple('created_at', 'session_id'), '<', eb.tuple(createdAt, sessionId)),
    );
  }
  return query.orderBy('created_at', 'desc').orderBy('session_id', 'desc').limit(page.limit).execute();
}
