import { randomUUID } from 'node:crypto';
import { useTestDatabase } from '@stayhub/db/testing';
import { Registry } from 'prom-client';
import { afterAll, describe, expect, it } from 'vitest';
import { createCache } from '../../../src/infra/cache/create-cache.ts';
import { cacheMetrics } from '../../../src/infra/metrics/cache-metrics.ts';
import { createRedis } from '../../../src/infra/redis.ts';
import {
  connectTestRedis,
  deleteKeys,
  silentLogger,
  UNREACHABLE_REDIS_URL,
  uniquePrefix,
} from './fixtures.ts';

const database = await useTestDatabase();
const prefix = uniquePrefix('cache-metrics');
const redis = await connectTestRedis();

afterAll(async () => {
  if (!redis) return;
  await deleteKeys(redis, prefix);
  await redis.quit();
});

async function counts(registry: Registry): Promise<Record<string, number>> {
  const metric = registry.getSingleMetric('stayhub_cache_requests_total');
  const values = (await metric?.get())?.values ?? [];
  return Object.fromEntries(values.map((v) => [`${v.labels.cache}/${v.labels.result}`, v.value]));
}

const implementations = [
  { name: 'in-process', redis: undefined },
  ...(redis ? [{ name: 'redis', redis }] : []),
];

describe.each(implementations)('cache read metrics ($name)', ({ redis }) => {
  it('counts hits and misses by the namespace of the key, not the key', async () => {
    const registry = new Registry();
    const cache = createCache({
      redis,
      prefix,
      logger: silentLogger,
      db: database.db,
      metrics: cacheMetrics(registry),
    });
    const id = randomUUID();
    await cache.set(`profile:${id}`, { name: 'Ann' }, 60);
    expect(await cache.get(`profile:${id}`)).toEqual({ name: 'Ann' });
    expect(await cache.get(`profile:${id}`)).toEqual({ name: 'Ann' });
    expect(await cache.get(`profile:${randomUUID()}`)).toBeUndefined();
    expect(await cache.get('amenity-catalog')).toBeUndefined();
    expect(await counts(registry)).toEqual({
      'profile/hit': 2,
      'profile/miss': 1,
      'amenity-catalog/miss': 1,
    });
    const exposition = await registry.metrics();
    expect(exposition).not.toContain(id);
    await cache.close();
  });
});

describe('cache read metrics (Redis unreachable)', () => {
  it('counts the reads an unreachable Redis answers as misses', async () => {
    const registry = new Registry();
    const unreachable = createRedis(UNREACHABLE_REDIS_URL, silentLogger);
    const cache = createCache({
      redis: unreachable,
      prefix,
      logger: silentLogger,
      db: database.db,
      metrics: cacheMetrics(registry),
    });
    await cache.set('session:abc', { userId: 1 }, 60);
    expect(await cache.get('session:abc')).toBeUndefined();
    expect(await counts(registry)).toEqual({ 'session/miss': 1 });
    await cache.close();
    unreachable.disconnect();
  });
});
