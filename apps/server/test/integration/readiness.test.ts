import { createCache, createRedis } from '@stayhub/api/runtime';
import { useTestDeps } from '@stayhub/api/testing';
import { createDb } from '@stayhub/db';
import pino from 'pino';
import { afterAll, describe, expect, it } from 'vitest';
import { checkReadiness } from '../../src/readiness.ts';

const deps = await useTestDeps();
const logger = pino({ level: 'silent' });
// Nothing listens on port 1: every Redis command fails at once.
const unreachable = createRedis('redis://127.0.0.1:1', logger);
afterAll(() => unreachable.disconnect());

describe('readiness: /readyz means Postgres answers; the cache is reported, not required', () => {
  it('is ready with Postgres and the cache up', async () => {
    expect(await checkReadiness(deps)).toEqual({ ready: true, database: true, cache: true });
  });

  it('stays ready when the configured Redis is unreachable, and says the cache is down', async () => {
    const withoutRedis = {
      ...deps,
      cache: createCache({ redis: unreachable, prefix: 'stayhub-down:', logger, db: deps.db }),
    };
    expect(await checkReadiness(withoutRedis)).toEqual({ ready: true, database: true, cache: false });
  });

  it('is not ready when Postgres does not answer', async () => {
    const unreachableDb = createDb({ connectionString: 'postgres://postgres@127.0.0.1:1/postgres', max: 1 });
    try {
      expect(await checkReadiness({ ...deps, db: unreachableDb })).toEqual({
        ready: false,
        database: false,
        cache: true,
      });
    } finally {
      await unreachableDb.destroy();
    }
  });
});
