import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { testRedisUrl, useTestDatabase } from '@stayhub/db/testing';
import pino from 'pino';
import { afterAll } from 'vitest';
import { loadConfig } from '../config.ts';
import type { Deps } from '../domain/deps.ts';
import { appLinks } from '../domain/shared/app-links.ts';
import { userRateLimits } from '../domain/shared/user-rate-limits.ts';
import { createCache } from '../infra/cache/create-cache.ts';
import { type Clock, systemClock } from '../infra/clock.ts';
import { noFailpoints } from '../infra/failpoints.ts';
import { createRateLimiter } from '../infra/limiter/create-limiter.ts';
import { DevMailbox } from '../infra/mail/dev-mailbox.ts';
import { SimulatedPaymentProvider } from '../infra/payments/simulated-provider.ts';
import { createRedis, waitForRedis } from '../infra/redis.ts';

/** The PUBLIC_URL of test dependencies: mails link here. */
export const TEST_PUBLIC_URL = 'https://app.stayhub.test';

/** The configured defaults (no environment): the limits every deployment starts from. */
const defaults = loadConfig({});

export interface TestDeps extends Deps {
  mailer: DevMailbox;
  payments: SimulatedPaymentProvider;
  databaseUrl: string;
  mailboxDir: string;
}

/**
 * Real dependencies for one test file: its own cloned database, Redis under a key prefix of its own when
 * REDIS_URL is set (in-process otherwise), a dev mailbox in a temp folder. Everything closes after the file.
 */
export async function useTestDeps(options: { clock?: Clock } = {}): Promise<TestDeps> {
  const database = await useTestDatabase();
  const logger = pino({ level: process.env.TEST_LOG_LEVEL ?? 'silent' });
  const redisUrl = testRedisUrl();
  const redis = redisUrl ? createRedis(redisUrl, logger) : undefined;
  if (redis && !(await waitForRedis(redis, 5_000)))
    throw new Error(`REDIS_URL is set but Redis is not reachable`);
  const prefix = `stayhub-test:${randomBytes(4).toString('hex')}:`;
  const mailboxDir = await mkdtemp(path.join(tmpdir(), 'stayhub-mail-'));
  const cache = createCache({ redis, prefix, logger, db: database.db });
  const deps: TestDeps = {
    db: database.db,
    cache,
    limiter: createRateLimiter({ redis, prefix, logger }),
    mailer: new DevMailbox({ dir: mailboxDir }),
    payments: new SimulatedPaymentProvider(database.db),
    clock: options.clock ?? systemClock,
    logger,
    failpoints: noFailpoints,
    links: appLinks(TEST_PUBLIC_URL),
    userRateLimits: userRateLimits({
      messages: defaults.RATE_LIMIT_MESSAGES_PER_MINUTE,
      bookings: defaults.RATE_LIMIT_BOOKINGS_PER_MINUTE,
      reviews: defaults.RATE_LIMIT_REVIEWS_PER_MINUTE,
    }),
    databaseUrl: database.url,
    mailboxDir,
  };
  afterAll(async () => {
    if (redis) {
      const keys = await redis.keys(`${prefix}*`);
      if (keys.length > 0) await redis.del(...keys);
    }
    await cache.close();
    await redis?.quit().catch(() => redis.disconnect());
    await rm(mailboxDir, { recursive: true, force: true });
  });
  return deps;
}
