import { describe, expect, it } from 'vitest';
import { startSession } from '../../../src/domain/auth/session.service.ts';
import {
  callerFor,
  createSignedInUser,
  createUser,
  failureOf,
  useTestDeps,
} from '../../../src/testing/index.ts';

const deps = await useTestDeps();

/** Another session of the same user, as a second device would have. */
async function secondSession(userId: string) {
  return startSession(deps, deps.db, userId, { ip: '127.0.0.9', userAgent: 'second device' });
}

describe('auth.logout', () => {
  it('ends this session: its token is refused at the very next request', async () => {
    const user = await createSignedInUser(deps);
    // Each call is a request of its own, with its own context.
    const me = () => callerFor(deps, { token: user.token });
    await me().auth.sessions(); // the lookup is now cached (Redis when REDIS_URL is set)
    await expect(me().auth.logout()).resolves.toEqual({ ok: true });
    const error = await failureOf(() => me().auth.sessions());
    expect(error).toMatchObject({ code: 'UNAUTHORIZED', reason: 'UNAUTHENTICATED' });
  });

  it('leaves the user’s other sessions alone', async () => {
    const user = await createSignedInUser(deps);
    const other = await secondSession(user.userId);
    await callerFor(deps, { token: user.token }).auth.logout();
    const { items } = await callerFor(deps, { token: other.token }).auth.sessions();
    expect(items.map((s) => s.sessionId)).toEqual([other.sessionId]);
  });
});

describe('auth.logoutAll', () => {
  it('ends every session of mine, this one included, and says how many', async () => {
    const user = await createSignedInUser(deps);
    const other = await secondSession(user.userId);
    await callerFor(deps, { token: other.token }).auth.sessions();
    const bystander = await createSignedInUser(deps);

    await expect(callerFor(deps, { token: user.token }).auth.logoutAll()).resolves.toEqual({
      revokedCount: 2,
    });
    for (const token of [user.token, other.token]) {
      expect(await failureOf(() => callerFor(deps, { token }).auth.sessions())).toMatchObject({
        code: 'UNAUTHORIZED',
      });
    }
    await expect(callerFor(deps, { token: bystander.token }).auth.sessions()).resolves.toBeDefined();
  });
});

describe('auth.sessions', () => {
  it('lists my live sessions, newest first, marking the current one', async () => {
    const user = await createSignedInUser(deps);
    // Both sessions can open within one millisecond; make the first one unambiguously older.
    await deps.db
      .updateTable('sessions')
      .set({ created_at: new Date(Date.now() - 60_000) })
      .where('session_id', '=', user.sessionId)
      .execute();
    const other = await secondSession(user.userId);
    await createSignedInUser(deps); // someone else's session never shows

    const { items, nextCursor } = await callerFor(deps, { token: user.token }).auth.sessions();
    expect(nextCursor).toBeNull();
    expect(items.map((s) => [s.sessionId, s.current])).toEqual([
      [other.sessionId, false],
      [user.sessionId, true],
    ]);
    expect(items[0]).toMatchObject({ userAgent: 'second device', ip: '127.0.0.9' });
    expect(items[0]?.expiresAt.getTime()).toBeGreaterThan(Date.now());
    expect(items[0]?.lastUsedAt).toBeInstanceOf(Date);
    expect(items[0]?.createdAt).toBeInstanceOf(Date);
  });

  it('leaves out expired sessions', async () => {
    const user = await createSignedInUser(deps);
    const expired = await secondSession(user.userId);
    await deps.db
      .updateTable('sessions')
      .set({ expires_at: new Date(Date.now() - 1000) })
      .where('session_id', '=', expired.sessionId)
      .execute();
    const { items } = await callerFor(deps, { token: user.token }).auth.sessions();
    expect(items.map((s) => s.sessionId)).toEqual([user.sessionId]);
  });

  it('pages with a cursor without repeating or skipping a session', async () => {
    const user = await createUser(deps.db);
    const opened = [];
    for (let i = 0; i < 5; i++) opened.push(await secondSession(user.userId));
    const me = callerFor(deps, { token: opened[0]?.token });

    const first = await me.auth.sessions({ limit: 2 });
    const second = await me.auth.sessions({ limit: 2, cursor: first.nextCursor ?? undefined });
    const third = await me.auth.sessions({ limit: 2, cursor: second.nextCursor ?? undefined });
    expect(third.nextCursor).toBeNull();
    const seen = [...first.items, ...second.items, ...third.items].map((s) => s.sessionId);
    expect(seen.sort()).toEqual(opened.map((s) => s.sessionId).sort());
  });

  it('refuses a cursor it did not make', async () => {
    const user = await createSignedInUser(deps);
    const error = await failureOf(() =>
      callerFor(deps, { token: user.token }).auth.sessions({ cursor: 'bm90IGEgY3Vyc29y' }),
    );
    expect(error).toMatchObject({ code: 'BAD_REQUEST', reason: 'INVALID_CURSOR', fieldPaths: ['cursor'] });
  });
});

describe('auth.revokeSession', () => {
  it('ends another session of mine: its token is refused at the next request', async () => {
    const user = await createSignedInUser(deps);
    const other = await secondSession(user.userId);
    await callerFor(deps, { token: other.token }).auth.sessions();

    await expect(
      callerFor(deps, { token: user.token }).auth.revokeSession({ sessionId: other.sessionId }),
    ).resolves.toEqual({ ok: true });
    expect(await failureOf(() => callerFor(deps, { token: other.token }).auth.sessions())).toMatchObject({
      code: 'UNAUTHORIZED',
    });
    await expect(callerFor(deps, { token: user.token }).auth.sessions()).resolves.toBeDefined();
  });

  it('answers NOT_FOUND for someone else’s session and leaves it working', async () => {
    const me = await createSignedInUser(deps);
    const stranger = await createSignedInUser(deps);
    const error = await failureOf(() =>
      callerFor(deps, { token: me.token }).auth.revokeSession({ sessionId: stranger.sessionId }),
    );
    expect(error).toMatchObject({ code: 'NOT_FOUND', reason: 'NOT_FOUND' });
    await expect(callerFor(deps, { token: stranger.token }).auth.sessions()).resolves.toBeDefined();
  });

  it('answers NOT_FOUND for a session that does not exist', async () => {
    const me = await createSignedInUser(deps);
    const error = await failureOf(() =>
      callerFor(deps, { token: me.token }).auth.revokeSession({
        sessionId: '00000000-0000-4000-8000-000000000000',
      }),
    );
    expect(error).toMatchObject({ code: 'NOT_FOUND' });
  });
});
