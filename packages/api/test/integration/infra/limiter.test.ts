import { randomUUID } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { createRateLimiter } from '../../../src/infra/limiter/create-limiter.ts';
import type { RateLimiter, RateLimitRule } from '../../../src/infra/limiter/limiter.ts';
import { createRedis } from '../../../src/infra/redis.ts';
import {
  connectTestRedis,
  deleteKeys,
  silentLogger,
  sleep,
  UNREACHABLE_REDIS_URL,
  uniquePrefix,
} from './fixtures.ts';

const prefix = uniquePrefix('limiter');
const redis = await connectTestRedis();

afterAll(async () => {
  if (!redis) return;
  await deleteKeys(redis, prefix);
  await redis.quit();
});

interface Implementation {
  name: string;
  /** Whether two limiters created here count together (one Redis, many processes). */
  sharedStore: boolean;
  create: () => RateLimiter;
}

const implementations: Implementation[] = [
  {
    name: 'in-process',
    sharedStore: false,
    create: () => createRateLimiter({ prefix, logger: silentLogger }),
  },
];
if (redis) {
  implementations.push({
    name: 'redis',
    sharedStore: true,
    create: () => createRateLimiter({ redis, prefix, logger: silentLogger }),
  });
}

/** A rule of its own for each test, so tests never share counters. */
const rule = (points: number, durationSeconds = 60): RateLimitRule => ({
  name: `test:${randomUUID()}`,
  points,
  durationSeconds,
});

async function consumeTimes(limiter: RateLimiter, r: RateLimitRule, subject: string, times: number) {
  const results = [];
  for (let i = 0; i < times; i += 1) results.push(await limiter.consume(r, subject));
  return results;
}

describe.each(implementations)('RateLimiter contract ($name)', ({ create, sharedStore }) => {
  const limiter = create();

  it('allows the rule’s points, then refuses with a positive retryAfterMs within the window', async () => {
    const r = rule(3, 60);
    expect(await consumeTimes(limiter, r, 'ip-1', 3)).toEqual([
      { allowed: true, remaining: 2 },
      { allowed: true, remaining: 1 },
      { allowed: true, remaining: 0 },
    ]);
    const refused = await limiter.consume(r, 'ip-1');
    expect(refused.allowed).toBe(false);
    const retryAfterMs = refused.allowed ? 0 : refused.retryAfterMs;
    expect(retryAfterMs).toBeGreaterThan(0);
    expect(retryAfterMs).toBeLessThanOrEqual(60_000);
    expect((await limiter.consume(r, 'ip-1')).allowed).toBe(false);
  });

  it('counts each subject separately', async () => {
    const r = rule(1);
    expect((await limiter.consume(r, 'a@example.com')).allowed).toBe(true);
    expect((await limiter.consume(r, 'a@example.com')).allowed).toBe(false);
    expect((await limiter.consume(r, 'b@example.com')).allowed).toBe(true);
  });

  it('counts each rule separately for the same subject', async () => {
    const [first, second] = [rule(1), rule(1)];
    expect((await limiter.consume(first, 'ip-2')).allowed).toBe(true);
    expect((await limiter.consume(first, 'ip-2')).allowed).toBe(false);
    expect((await limiter.consume(second, 'ip-2')).allowed).toBe(true);
  });

  it('allows the subject again after a reset, and leaves other subjects counted', async () => {
    const r = rule(1);
    await limiter.consume(r, 'ip-3');
    await limiter.consume(r, 'ip-4');
    await limiter.reset(r, 'ip-3');
    expect(await limiter.consume(r, 'ip-3')).toEqual({ allowed: true, remaining: 0 });
    expect((await limiter.consume(r, 'ip-4')).allowed).toBe(false);
  });

  it('resets a subject it has never seen without complaint', async () => {
    await expect(limiter.reset(rule(1), 'nobody')).resolves.toBeUndefined();
  });

  it('starts a fresh window when the old one ends', async () => {
    const r = rule(1, 1);
    await limiter.consume(r, 'ip-5');
    const refused = await limiter.consume(r, 'ip-5');
    expect(refused.allowed).toBe(false);
    await sleep(1_200);
    expect(await limiter.consume(r, 'ip-5')).toEqual({ allowed: true, remaining: 0 });
  });

  it('refuses a rule name used again with different limits', async () => {
    const r = rule(2);
    await limiter.consume(r, 'ip-6');
    await expect(limiter.consume({ ...r, points: 5 }, 'ip-6')).rejects.toThrow(/two different limits/);
  });

  it('refuses a rule with a fractional or zero window', async () => {
    await expect(limiter.consume(rule(1, 0.5), 'ip-7')).rejects.toThrow(RangeError);
    await expect(limiter.consume(rule(0), 'ip-7')).rejects.toThrow(RangeError);
  });

  it(`counts together with another limiter on the same store: ${sharedStore}`, async () => {
    const r = rule(1);
    const other = create();
    await limiter.consume(r, 'ip-8');
    expect((await other.consume(r, 'ip-8')).allowed).toBe(!sharedStore);
  });
});

describe('a Redis rate limiter whose Redis is down', () => {
  it('counts in this process instead, quickly and without throwing', async () => {
    const redisDown = createRedis(UNREACHABLE_REDIS_URL, silentLogger);
    try {
      const limiter = createRateLimiter({ redis: redisDown, prefix, logger: silentLogger });
      const r = rule(2);
      const started = performance.now();
      expect(await consumeTimes(limiter, r, 'ip-1', 3)).toEqual([
        { allowed: true, remaining: 1 },
        { allowed: true, remaining: 0 },
        { allowed: false, retryAfterMs: expect.any(Number) },
      ]);
      expect((await limiter.consume(r, 'ip-2')).allowed).toBe(true);
      await limiter.reset(r, 'ip-1');
      expect((await limiter.consume(r, 'ip-1')).allowed).toBe(true);
      expect(performance.now() - started).toBeLessThan(1_000);
    } finally {
      redisDown.disconnect();
    }
  });
});
