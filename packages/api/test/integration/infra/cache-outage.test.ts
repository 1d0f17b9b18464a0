import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Redis } from 'ioredis';
import { afterAll, describe, expect, it } from 'vitest';
import { createCache } from '../../../src/infra/cache/create-cache.ts';
import { createRedis, waitForRedis } from '../../../src/infra/redis.ts';
import {
  callerFor,
  createProperty,
  createSignedInUser,
  type TestDeps,
  useTestDeps,
} from '../../../src/testing/index.ts';
import { insertPhotos } from '../properties/helpers.ts';
import { silentLogger, sleep } from './fixtures.ts';

/**
 * No invalidation is lost (redis-cache.ts): a Redis of this test's own, with a snapshot on disk, is
 * stopped while a listing changes and a session ends, then started again *from its snapshot* — it comes
 * back holding the entries of before the change. Two "servers" (two caches on their own connections,
 * sharing Postgres and that Redis) must both read the change, and the ended session must stay ended.
 */
const base = await useTestDeps();
const dir = await mkdtemp(path.join(tmpdir(), 'stayhub-redis-'));
const port = await freePort();
let server: ChildProcess | undefined;
const connections: Redis[] = [];
afterAll(async () => {
  for (const redis of connections) redis.disconnect();
  server?.kill('SIGKILL');
  await rm(dir, { recursive: true, force: true });
});

async function freePort(): Promise<number> {
  const probe = createServer();
  probe.listen(0, '127.0.0.1');
  await once(probe, 'listening');
  const address = probe.address();
  probe.close();
  if (address === null || typeof address === 'string') throw new Error('no port');
  return address.port;
}

/** redis-server on `port`, keeping its snapshot in `dir` (loaded again at each start). */
async function startRedis(): Promise<void> {
  server = spawn(
    'redis-server',
    ['--port', String(port), '--bind', '127.0.0.1', '--dir', dir, '--save', '', '--appendonly', 'no'],
    { stdio: 'ignore' },
  );
  const probe = createRedis(`redis://127.0.0.1:${port}`, silentLogger);
  try {
    if (!(await waitForRedis(probe, 10_000))) throw new Error('redis-server did not start');
  } finally {
    probe.disconnect();
  }
}

async function stopRedis(): Promise<void> {
  const running = server;
  if (!running) return;
  running.kill('SIGKILL');
  await once(running, 'exit');
  server = undefined;
}

/** A "server": the test's Postgres and clock, and a cache of its own on its own Redis connection. */
function serverDeps(): TestDeps {
  const redis = createRedis(`redis://127.0.0.1:${port}`, silentLogger);
  connections.push(redis);
  return {
    ...base,
    cache: createCache({ redis, prefix: 'stayhub-outage:', logger: silentLogger, db: base.db }),
  };
}

describe('the Redis cache across an outage that Redis comes back from with its snapshot', () => {
  it('serves no stale read on any server, and an ended session stays ended', async () => {
    await startRedis();
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
    const snapshot = createRedis(`redis://127.0.0.1:${port}`, silentLogger);
    connections.push(snapshot);
    await waitForRedis(snapshot, 5_000);
    await snapshot.save();
    snapshot.disconnect();

    await stopRedis();
    // During the outage: the listing is renamed and the guest signs out, on server A; both keep serving.
    await callerFor(a, { token: host.token }).properties.update({
      propertyId,
      name: 'Renamed during the outage',
    });
    await callerFor(a, { token: guest.token }).auth.logout();
    for (const deps of [a, b]) {
      expect((await callerFor(deps).properties.get({ propertyId })).name).toBe('Renamed during the outage');
    }

    await startRedis();
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
    const inspect = createRedis(`redis://127.0.0.1:${port}`, silentLogger);
    connections.push(inspect);
    await waitForRedis(inspect, 5_000);
    const epochOf = (key: string) => Number(key.split(':')[2]);
    const epochs = (await inspect.keys('stayhub-outage:cache:*')).map(epochOf);
    expect(Math.max(...epochs)).toBeGreaterThan(epochBefore);
    expect((await callerFor(b).properties.get({ propertyId })).name).toBe('Renamed during the outage');
  });
});
