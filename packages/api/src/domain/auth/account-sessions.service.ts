import type { Deps } from '../deps.ts';
import { NotFoundError } from '../errors.ts';
import type { OkView } from '../shared/ok-view.ts';
import type { SessionsInput } from './auth.commands.ts';
import type { RevokedView, SessionPage } from './auth.views.ts';
import { deleteSession, deleteSessionsOfUser, listLiveSessionsOfUser } from './session.queries.ts';
import { encodeSessionCursor, readSessionCursor } from './session.rules.ts';
import { invalidateSessionCache } from './session.service.ts';
import type { Viewer } from './viewer.ts';

/**
 * A signed-in user's own sessions: list them, end this one, one of the others, or all. Every revocation
 * is one statement on `deps.db` and forgets the cached lookups once it commits (afterCommit), so the revoked token fails at the very next
 * request (SPEC §7).
 */

export async function logout(deps: Deps, viewer: Viewer): Promise<OkView> {
  const deleted = await deleteSession(deps.db, viewer.sessionId, viewer.userId);
  await invalidateSessionCache(deps.db, deps, deleted ? [deleted.token_hash] : []);
  return { ok: true };
}

export async function logoutAll(deps: Deps, viewer: Viewer): Promise<RevokedView> {
  const deleted = await deleteSessionsOfUser(deps.db, viewer.userId);
  await invalidateSessionCache(
    deps.db,
    deps,
    deleted.map((row) => row.token_hash),
  );
  deps.logger.info({ userId: viewer.userId, revokedSessions: deleted.length }, 'signed out everywhere');
  return { revokedCount: deleted.length };
}

/** Ends one of the viewer's sessions; someone else's session is NOT_FOUND, as if it did not exist (SPEC §4). */
export async function revokeSession(deps: Deps, viewer: Viewer, sessionId: string): Promise<OkView> {
  const deleted = await deleteSession(deps.db, sessionId, viewer.userId);
  if (!deleted) throw new NotFoundError('session');
  await invalidateSessionCache(deps.db, deps, [deleted.token_hash]);
  return { ok: true };
}

/** The viewer's live sessions, newest first, marking the one this request came with. */
export async function listSessions(deps: Deps, viewer: Viewer, input: SessionsInput): Promise<SessionPage> {
  const after = readSessionCursor(input.cursor);
  // One more than a page tells whether another page follows.
  const rows = await listLiveSessionsOfUser(deps.db, viewer.userId, deps.clock.now(), {
    after,
    limit: input.limit + 1,
  });
  const items = rows.slice(0, input.limit);
  const last = items.at(-1);
  return {
    items: items.map((row) => ({
      sessionId: row.session_id,
      createdAt: row.created_at,
      lastUsedAt: row.last_used_at,
      expiresAt: row.expires_at,
      userAgent: row.user_agent,
      ip: row.ip,
      current: row.session_id === viewer.sessionId,
    })),
    nextCursor:
      rows.length > input.limit && last
        ? encodeSessionCursor({ createdAt: last.created_at, sessionId: last.session_id })
        : null,
  };
}
