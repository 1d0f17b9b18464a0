import { randomUUID } from 'node:crypto';
import { useTestDatabase } from '@stayhub/db/testing';
import { Registry } from 'prom-client';
import { afterAll, describe, expect, it } from 'vitest';
import { createCache } from '../../../src/infra/cache/create-cache.ts';
import { cacheMetrics } from '../../../src/infra/metrics/cache-metrics.ts';
import { createRedis, waitForRedis } from '../../../src/infra/redis.ts';
import { RedisServer } from '../../../src/testing/redis-server.ts';
import { silentLogger, sleep, uniquePrefix } from './fixtures.ts';

/**
 * The near tier (infra/cache/near-cache.ts): two caches on one Redis stand for two server processes.
 * What must hold: a process answers hot reads from memory, a write anywhere reaches every process's memory
 * at once (pub/sub), and when the invalidation channel is lost nothing stale is served from memory.
 */
const database = await useTestDatabase();
const prefix = uniquePrefix('near-cache');
// A Redis of this file's own: the test cuts every subscriber connection, which must not reach other files.
const server = await RedisServer.create();
await server.start();
const redisUrl = server.url;
const admin = createRedis(redisUrl, silentLogger);
await waitForRedis(admin, 5_000);

const opened: { close(): Promise<void> }[] = [];
afterAll(async () => {
  await Promise.all(opened.map((cache) => cache.close()));
  admin.disconnect();
  await server.dispose();
});

/** A "process": its own Redis connection, near tier and metrics, like a server's runtime. */
async function startProcess() {
  const connection = createRedis(redisUrl, silentLogger);
  const registry = new Registry();
  const cache = createCache({
    redis: connection,
    prefix,
    logger: silentLogger,
    db: database.db,
    metrics: cacheMetrics(registry),
  });
  opened.push({
    close: async () => {
      await cache.close();
      await connection.quit().catch(() => connection.disconnect());
    },
  });
  const nearHits = async () => {
    const metric = await registry.getSingleMetric('stayhub_cache_near_requests_total')?.get();
    return metric?.values.find((v) => v.labels.result === 'hit')?.value ?? 0;
  };
  // Live once subscribed: a value this process set is then answered from memory.
  await waitForRedis(connection, 5_000);
  const probe = `probe:${randomUUID()}`;
  const deadline = Date.now() + 5_000;
  while ((await nearHits()) === 0) {
    if (Date.now() > deadline) throw new Error('the near tier never went live');
    await cache.set(probe, 1, 60);
    await cache.get(probe);
    await sleep(10);
  }
  return { cache, nearHits };
}

describe('the near cache in front of Redis', () => {
  it('answers repeated reads from memory', async () => {
    const a = await startProcess();
    const k = `profile:${randomUUID()}`;
    await a.cache.set(k, { name: 'Ann' }, 60);
    const before = await a.nearHits();
    for (let i = 0; i < 5; i++) expect(await a.cache.get(k)).toEqual({ name: 'Ann' });
    expect((await a.nearHits()) - before).toBe(5);
  });

  it("drops another process's copy when a key is written or deleted, within milliseconds", async () => {
    const [a, b] = await Promise.all([startProcess(), startProcess()]);
    const k = `property-generation:${randomUUID()}`;
    await a.cache.set(k, 'first', 60);
    expect(await b.cache.get(k)).toBe('first');
    const hits = await b.nearHits();
    expect(await b.cache.get(k)).toBe('first');
    expect((await b.nearHits()) - hits).toBe(1);

    const written = Date.now();
    await a.cache.set(k, 'second', 60);
    let seenAfterMs = Number.NaN;
    for (let attempt = 0; attempt < 200; attempt++) {
      if ((await b.cache.get(k)) === 'second') {
        seenAfterMs = Date.now() - written;
        break;
      }
      await sleep(1);
    }
    // Sub-millisecond on an idle machine; the bound only keeps a loaded CI machine from failing it.
    expect(seenAfterMs).toBeLessThan(1_000);

    await a.cache.delete(k);
    for (let attempt = 0; attempt < 200 && (await b.cache.get(k)) !== undefined; attempt++) await sleep(1);
    expect(await b.cache.get(k)).toBeUndefined();
  });

  it('serves nothing from memory while its invalidation channel is down, and nothing stale after', async () => {
    const [a, b] = await Promise.all([startProcess(), startProcess()]);
    const k = `session:${randomUUID()}`;
    await a.cache.set(k, 'valid', 60);
    expect(await b.cache.get(k)).toBe('valid');
    expect(await b.cache.get(k)).toBe('valid');

    // Every subscriber connection is cut: the messages of the write below reach no process.
    await admin.client('KILL', 'TYPE', 'pubsub');
    await sleep(20);
    await a.cache.set(k, 'revoked', 60);
    // b's memory may not answer with what it held before the cut, however its reconnect interleaves.
    expect(await b.cache.get(k)).toBe('revoked');
    await sleep(300);
    expect(await b.cache.get(k)).toBe('revoked');
    expect(await b.cache.get(k)).toBe('revoked');
  });
});
