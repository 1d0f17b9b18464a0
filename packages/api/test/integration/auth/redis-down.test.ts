import pino from 'pino';
import { afterAll, describe, expect, it } from 'vitest';
import { rateLimits } from '../../../src/domain/auth/auth.rules.ts';
import { createCache } from '../../../src/infra/cache/create-cache.ts';
import { createRateLimiter } from '../../../src/infra/limiter/create-limiter.ts';
import { createRedis } from '../../../src/infra/redis.ts';
import { callerFor, failureOf, type TestDeps, useTestDeps } from '../../../src/testing/index.ts';
import { runDueJobs } from '../../../src/testing/jobs.ts';
import { newEmail, STRONG_PASSWORD } from './helpers.ts';

const base = await useTestDeps();
const logger = pino({ level: 'silent' });
// Nothing listens on port 1: every Redis command fails at once (no offline queue).
const unreachable = createRedis('redis://127.0.0.1:1', logger);
afterAll(() => unreachable.disconnect());
const deps: TestDeps = {
  ...base,
  cache: createCache({ redis: unreachable, prefix: 'stayhub-down:', logger, db: base.db }),
  limiter: createRateLimiter({ redis: unreachable, prefix: 'stayhub-down:', logger }),
};

describe('accounts with Redis unreachable', () => {
  it('keep working from Postgres with no 500s: register, sign in, use and end sessions', async () => {
    const email = newEmail();
    const registered = await callerFor(deps).auth.register({
      email,
      password: STRONG_PASSWORD,
      firstName: 'Offline',
      lastName: 'Cache',
    });
    const login = await callerFor(deps).auth.login({ email, password: STRONG_PASSWORD });
    // Each call is a request of its own, with its own context.
    const me = () => callerFor(deps, { token: login.token });

    const { items } = await me().auth.sessions();
    expect(items.map((s) => s.current).sort()).toEqual([false, true]);
    await expect(me().auth.requestEmailVerification()).resolves.toEqual({ ok: true });
    await runDueJobs(deps);
    await expect(me().auth.logout()).resolves.toEqual({ ok: true });
    expect(await failureOf(() => me().auth.sessions())).toMatchObject({ code: 'UNAUTHORIZED' });
    await expect(callerFor(deps, { token: registered.token }).auth.sessions()).resolves.toBeDefined();
  });

  it('still answers wrong passwords with INVALID_CREDENTIALS, not an internal error', async () => {
    const error = await failureOf(() =>
      callerFor(deps).auth.login({ email: newEmail(), password: 'whatever-else' }),
    );
    expect(error).toMatchObject({ code: 'UNAUTHORIZED', reason: 'INVALID_CREDENTIALS' });
  });

  it('still counts rate limits, in this process', async () => {
    const email = newEmail();
    for (let i = 0; i < rateLimits.loginPerEmail.points; i++)
      await failureOf(() => callerFor(deps).auth.login({ email, password: 'guess guess' }));
    expect(
      await failureOf(() => callerFor(deps).auth.login({ email, password: 'guess guess' })),
    ).toMatchObject({
      code: 'TOO_MANY_REQUESTS',
      reason: 'RATE_LIMITED',
    });
  });
});
