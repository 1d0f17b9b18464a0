import type { Redis } from 'ioredis';
import { afterAll, describe, expect, it } from 'vitest';
import { createCache } from '../../../src/infra/cache/create-cache.ts';
import { createRedis, waitForRedis } from '../../../src/infra/redis.ts';
import {
  callerFor,
  createProperty,
  createSignedInUser,
  insertPhotos,
  RedisServer,
  type TestDeps,
  useTestDeps,
} from '../../../src/testing/index.ts';
import { silentLogger, sleep } from './fixtures.ts';

/**
 * No invalidation is lost (redis-cache.ts): a Redis of this test's own, with a snapshot on disk, is
 * stopped while a listing changes and a session ends, then started again *from its snapshot* — it comes
 * back holding the entries of before the change. Two "servers" (two caches on their own connections,
 * sharing Postgres and that Redis) must both read the change, and the ended session must stay ended.
 * apps/server/test/e2e/redis-outage.test.ts does the same with real server processes under load.
 */
const base = await useTestDeps();
const redisServer = await RedisServer.create();
const connections: Redis[] = [];
afterAll(async () => {
  for (const redis of connections) redis.disconnect();
  await redisServer.dispose();
});

/** A "server": the test's Postgres and clock, and a cache of its own on its own Redis connection. */
function serverDeps(): TestDeps {
  const redis = createRedis(redisServer.url, silentLogger);
  connections.push(redis);
  return {
    ...base,
    cache: createCache({ redis, prefix: 'stayhub-outage:', logger: silentLogger, db: base.db }),
  };
}

describe('the Redis cache across an outage that Redis comes back from with its snapshot', () => {
  it('serves no stale read on any server, and an ended session stays ended', async () => {
    await redisServer.start();
    const [a, b] = [serverDeps(), serverDeps()];
    const host = await createSignedInUser(base, { role: 'host' });
    const guest = await createSignedInUser(base);
    const { propertyId } = await createProperty(base.db, host.userId, { name: 'Before the outage' });
    await insertPhotos(base, propertyId, 1);

    // Both servers cache the listing and the guest's session; Redis writes them to its snapshot.
    for (const deps of [a, b]) {
      expect((await callerFor(deps).properties.get({ propertyId })).name).toBe('Before the outage');
      expect((await callerFor(deps, { token: guest.token }).users.me()).userId).toBe(guest.userId);
    }
    const { epoch: epochBefore } = await base.db
      .selectFrom('cache_epoch')
      .select('epoch')
      .executeTakeFirstOrThrow();
    await redisServer.save();
    await redisServer.kill();
    // During the outage: the listing is renamed and the guest signs out, on server A; both keep serving.
    await callerFor(a, { token: host.token }).properties.update({
      propertyId,
      name: 'Renamed during the outage',
    });
    await callerFor(a, { token: guest.token }).auth.logout();
    for (const deps of [a, b]) {
      expect((await callerFor(deps).properties.get({ propertyId })).name).toBe('Renamed during the outage');
    }

    await redisServer.start();
    // Let both connections see Redis again (ioredis reconnects with backoff).
    await sleep(1_500);
    const reads = await Promise.all([a, b].map((deps) => callerFor(deps).properties.get({ propertyId })));
    expect(reads.map((view) => view.name)).toEqual([
      'Renamed during the outage',
      'Renamed during the outage',
    ]);
    for (const deps of [a, b]) {
      const me = await callerFor(deps, { token: guest.token })
        .users.me()
        .then(
          () => 'signed in',
          () => 'signed out',
        );
      expect(me).toBe('signed out');
    }

    // The cache works again, under a newer epoch than the entries Redis brought back.
    const inspect = createRedis(redisServer.url, silentLogger);
    connections.push(inspect);
    await waitForRedis(inspect, 5_000);
    const epochOf = (key: string) => Number(key.split(':')[2]);
    const epochs = (await inspect.keys('stayhub-outage:cache:*')).map(epochOf);
    expect(Math.max(...epochs)).toBeGreaterThan(epochBefore);
    expect((await callerFor(b).properties.get({ propertyId })).name).toBe('Renamed during the outage');
  });
});
