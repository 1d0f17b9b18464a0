import { afterCommit, type Executor } from '@stayhub/db';
import type { Deps } from '../deps.ts';
import { UnauthenticatedError } from '../errors.ts';
import { findSessionByTokenHash, insertSession, tokenHashesOfUser, touchSession } from './session.queries.ts';
import {
  hashToken,
  isSessionLive,
  needsTouch,
  newSessionToken,
  SESSION_ABSOLUTE_MS,
  SESSION_IDLE_MS,
  slideExpiry,
  storableIp,
} from './session.rules.ts';
import type { Viewer } from './viewer.ts';

/**
 * Session lookups go through the cache with Postgres as the truth. Entries live briefly and are deleted
 * by every revocation and suspension (invalidateSessionCache), so a revoked session fails at the very next
 * request while Redis is up; if Redis was unreachable at revocation time, the TTL bounds the staleness.
 */
const SESSION_CACHE_TTL_SECONDS = 60;

const sessionCacheKey = (tokenHash: Buffer) => `session:${tokenHash.toString('hex')}`;

interface CachedSession {
  sessionId: string;
  userId: string;
  role: Viewer['role'];
  status: 'active' | 'suspended';
  expiresAt: string;
  absoluteExpiresAt: string;
  lastUsedAt: string;
}

async function loadSession(deps: Deps, tokenHash: Buffer): Promise<CachedSession | undefined> {
  const cached = await deps.cache.get<CachedSession>(sessionCacheKey(tokenHash));
  if (cached) return cached;
  const row = await findSessionByTokenHash(deps.db, tokenHash);
  if (!row) return undefined;
  const session: CachedSession = {
    sessionId: row.session_id,
    userId: row.user_id,
    role: row.role,
    status: row.status,
    expiresAt: row.expires_at.toISOString(),
    absoluteExpiresAt: row.absolute_expires_at.toISOString(),
    lastUsedAt: row.last_used_at.toISOString(),
  };
  await deps.cache.set(sessionCacheKey(tokenHash), session, SESSION_CACHE_TTL_SECONDS);
  return session;
}

/** Bearer token → viewer, or UNAUTHORIZED. Slides the idle expiry at most once a minute. */
export async function authenticate(deps: Deps, token: string): Promise<Viewer> {
  const tokenHash = hashToken(token);
  const session = await loadSession(deps, tokenHash);
  if (!session) throw new UnauthenticatedError();
  const now = deps.clock.now();
  const times = {
    expiresAt: new Date(session.expiresAt),
    absoluteExpiresAt: new Date(session.absoluteExpiresAt),
    lastUsedAt: new Date(session.lastUsedAt),
  };
  if (!isSessionLive(times, now))
    throw new UnauthenticatedError('SESSION_EXPIRED', 'your session has expired');
  if (session.status !== 'active')
    throw new UnauthenticatedError('ACCOUNT_SUSPENDED', 'this account is suspended');
  if (needsTouch(times, now)) {
    // Slide the idle expiry, and keep the cached copy in step rather than dropping it (which would cost
    // the next request a database read). The update is conditional, so concurrent requests write once.
    const expiresAt = slideExpiry(times, now);
    await touchSession(deps.db, session.sessionId, now, expiresAt);
    const touched = { ...session, lastUsedAt: now.toISOString(), expiresAt: expiresAt.toISOString() };
    await deps.cache.set(sessionCacheKey(tokenHash), touched, SESSION_CACHE_TTL_SECONDS);
  }
  return { userId: session.userId, sessionId: session.sessionId, role: session.role };
}

export interface SessionMeta {
  ip: string | null;
  userAgent: string | null;
}

/** Opens a session for `userId` on `executor` (the caller's transaction) and returns the only copy of its token. */
export async function startSession(
  deps: Pick<Deps, 'clock'>,
  executor: Executor,
  userId: string,
  meta: SessionMeta,
): Promise<{ token: string; sessionId: string; expiresAt: Date }> {
  const token = newSessionToken();
  const now = deps.clock.now();
  const expiresAt = new Date(now.getTime() + SESSION_IDLE_MS);
  const { session_id } = await insertSession(executor, {
    user_id: userId,
    token_hash: hashToken(token),
    created_at: now,
    last_used_at: now,
    expires_at: expiresAt,
    absolute_expires_at: new Date(now.getTime() + SESSION_ABSOLUTE_MS),
    user_agent: meta.userAgent?.slice(0, 512) ?? null,
    ip: storableIp(meta.ip),
  });
  return { token, sessionId: session_id, expiresAt };
}

/**
 * Forgets cached lookups of sessions that were just deleted or whose user changed (role, suspension), once
 * the change on `executor` commits (afterCommit): forgetting earlier lets a concurrent request re-cache the
 * old row.
 */
export function invalidateSessionCache(
  executor: Executor,
  deps: Pick<Deps, 'cache'>,
  tokenHashes: readonly Buffer[],
): Promise<void> {
  return afterCommit(executor, async () => {
    if (tokenHashes.length > 0) await deps.cache.delete(...tokenHashes.map(sessionCacheKey));
  });
}

/**
 * Forgets the cached lookups of every session of a user whose role or status changed on `executor`. The
 * sessions are read after the commit, so one opened meanwhile is included (its lookup may hold the old row).
 */
export function invalidateSessionsOfUser(
  executor: Executor,
  deps: Pick<Deps, 'cache'>,
  userId: string,
): Promise<void> {
  return afterCommit(executor, async (db) => {
    const sessions = await tokenHashesOfUser(db, userId);
    if (sessions.length > 0)
      await deps.cache.delete(...sessions.map((session) => sessionCacheKey(session.token_hash)));
  });
}
