import { fetchRequestHandler } from '@trpc/server/adapters/fetch';
import { describe, expect, it } from 'vitest';
import type { Cache } from '../../../src/infra/cache/cache.ts';
import { ManualClock } from '../../../src/infra/clock.ts';
import { appRouter } from '../../../src/routers/app.router.ts';
import { callerFor, createSignedInUser, failureOf, useTestDeps } from '../../../src/testing/index.ts';
import { createContextInner } from '../../../src/trpc/context.ts';

/** SPEC §7: sliding expiry, 30 days idle and 90 days absolute. */
const clock = new ManualClock('2031-01-01T09:00:00Z');
const deps = await useTestDeps({ clock });
const DAY = 86_400_000;
const MINUTE = 60_000;

async function sessionRow(sessionId: string) {
  return deps.db
    .selectFrom('sessions')
    .select(['expires_at', 'last_used_at', 'absolute_expires_at'])
    .where('session_id', '=', sessionId)
    .executeTakeFirstOrThrow();
}

describe('session expiry', () => {
  it('slides the idle expiry forward when the session is used', async () => {
    clock.set('2031-01-01T09:00:00Z');
    const user = await createSignedInUser(deps);
    const before = await sessionRow(user.sessionId);
    clock.advance(10 * DAY);
    await callerFor(deps, { token: user.token }).users.me();
    const after = await sessionRow(user.sessionId);
    expect(after.last_used_at).toEqual(clock.now());
    expect(after.expires_at.getTime()).toBe(clock.now().getTime() + 30 * DAY);
    expect(after.expires_at.getTime()).toBeGreaterThan(before.expires_at.getTime());
    expect(after.absolute_expires_at).toEqual(before.absolute_expires_at);
  });

  it('writes the slide at most once a minute', async () => {
    clock.set('2031-02-01T09:00:00Z');
    const user = await createSignedInUser(deps);
    clock.advance(5 * MINUTE);
    await callerFor(deps, { token: user.token }).users.me();
    const touched = await sessionRow(user.sessionId);
    clock.advance(20_000);
    await callerFor(deps, { token: user.token }).users.me();
    expect(await sessionRow(user.sessionId)).toEqual(touched);
  });

  it('refuses a session left idle for more than 30 days with SESSION_EXPIRED', async () => {
    clock.set('2031-03-01T09:00:00Z');
    const user = await createSignedInUser(deps);
    clock.advance(30 * DAY - MINUTE);
    await callerFor(deps, { token: user.token }).users.me();
    clock.advance(30 * DAY + MINUTE);
    expect(await failureOf(() => callerFor(deps, { token: user.token }).users.me())).toMatchObject({
      code: 'UNAUTHORIZED',
      reason: 'SESSION_EXPIRED',
    });
  });

  it('refuses a session after 90 days however often it is used', async () => {
    clock.set('2031-04-01T09:00:00Z');
    const user = await createSignedInUser(deps);
    for (let day = 20; day < 90; day += 20) {
      clock.set(new Date(Date.parse('2031-04-01T09:00:00Z') + day * DAY));
      await callerFor(deps, { token: user.token }).users.me();
    }
    const row = await sessionRow(user.sessionId);
    expect(row.expires_at.getTime()).toBe(row.absolute_expires_at.getTime());
    clock.set(new Date(Date.parse('2031-04-01T09:00:00Z') + 90 * DAY + MINUTE));
    expect(await failureOf(() => callerFor(deps, { token: user.token }).users.me())).toMatchObject({
      code: 'UNAUTHORIZED',
      reason: 'SESSION_EXPIRED',
    });
  });
});

describe('one request, one authentication', () => {
  it('resolves the session once for every call of a batch', async () => {
    clock.set('2031-05-01T09:00:00Z');
    const user = await createSignedInUser(deps);
    let sessionReads = 0;
    // The real cache, counting reads of session entries.
    const counting: Cache = {
      get: (key) => {
        if (key.startsWith('session:')) sessionReads++;
        return deps.cache.get(key);
      },
      set: (key, value, ttl) => deps.cache.set(key, value, ttl),
      delete: (...keys) => deps.cache.delete(...keys),
      ping: () => deps.cache.ping(),
      close: async () => {},
    };
    const response = await fetchRequestHandler({
      endpoint: '/trpc',
      req: new Request(
        'http://stayhub.test/trpc/users.me,notifications.unreadCount,auth.sessions?batch=1&input={}',
      ),
      router: appRouter,
      createContext: () => createContextInner({ deps: { ...deps, cache: counting }, token: user.token }),
    });
    const results: unknown = await response.json();
    expect(response.status).toBe(200);
    expect(Array.isArray(results) && results.length).toBe(3);
    expect(sessionReads).toBe(1);
  });
});
