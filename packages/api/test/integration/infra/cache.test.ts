import { randomUUID } from 'node:crypto';
import { useTestDatabase } from '@stayhub/db/testing';
import { afterAll, describe, expect, it } from 'vitest';
import type { Cache } from '../../../src/infra/cache/cache.ts';
import { createCache } from '../../../src/infra/cache/create-cache.ts';
import { MemoryCache } from '../../../src/infra/cache/memory-cache.ts';
import { createRedis } from '../../../src/infra/redis.ts';
import {
  captureLogger,
  connectTestRedis,
  deleteKeys,
  eventually,
  silentLogger,
  sleep,
  UNREACHABLE_REDIS_URL,
  uniquePrefix,
  WARN,
} from './fixtures.ts';

const database = await useTestDatabase();
const prefix = uniquePrefix('cache');
const redis = await connectTestRedis();

afterAll(async () => {
  if (!redis) return;
  await deleteKeys(redis, prefix);
  await redis.quit();
});

interface Implementation {
  name: string;
  /** Whether two caches created here see each other's entries (one Redis, many processes). */
  sharedStore: boolean;
  create: () => Cache;
}

const implementations: Implementation[] = [
  {
    name: 'in-process',
    sharedStore: false,
    create: () => createCache({ prefix, logger: silentLogger, db: database.db }),
  },
];
if (redis) {
  implementations.push({
    name: 'redis',
    sharedStore: true,
    create: () => createCache({ redis, prefix, logger: silentLogger, db: database.db }),
  });
  implementations.push({
    name: 'redis without the near tier',
    sharedStore: true,
    create: () => createCache({ redis, prefix, logger: silentLogger, db: database.db, memoryBytes: 0 }),
  });
}

const key = () => `k:${randomUUID()}`;

describe.each(implementations)('Cache contract ($name)', ({ create, sharedStore }) => {
  const cache = create();

  it('returns what was set and undefined for a key never set', async () => {
    const k = key();
    await cache.set(k, { id: 7, tags: ['a', 'b'], nested: { ok: true } }, 60);
    expect(await cache.get(k)).toEqual({ id: 7, tags: ['a', 'b'], nested: { ok: true } });
    expect(await cache.get(key())).toBeUndefined();
  });

  it('keeps strings, numbers, booleans and null', async () => {
    const [s, n, b, z] = [key(), key(), key(), key()];
    await Promise.all([
      cache.set(s, 'text', 60),
      cache.set(n, 0, 60),
      cache.set(b, false, 60),
      cache.set(z, null, 60),
    ]);
    expect(await cache.get(s)).toBe('text');
    expect(await cache.get(n)).toBe(0);
    expect(await cache.get(b)).toBe(false);
    expect(await cache.get(z)).toBeNull();
  });

  it('hands out copies, so neither the writer nor a reader can change the cached value', async () => {
    const k = key();
    const original = { name: 'Loft', photos: ['a.jpg'] };
    await cache.set(k, original, 60);
    original.photos.push('b.jpg');
    const first = await cache.get<{ name: string; photos: string[] }>(k);
    expect(first).toEqual({ name: 'Loft', photos: ['a.jpg'] });
    first?.photos.push('c.jpg');
    expect(await cache.get(k)).toEqual({ name: 'Loft', photos: ['a.jpg'] });
  });

  it('stores JSON, so a Date comes back as its ISO string', async () => {
    const k = key();
    await cache.set(k, { at: new Date('2026-03-01T10:00:00.000Z') }, 60);
    expect(await cache.get(k)).toEqual({ at: '2026-03-01T10:00:00.000Z' });
  });

  it('overwrites an existing value', async () => {
    const k = key();
    await cache.set(k, 'old', 60);
    await cache.set(k, 'new', 60);
    expect(await cache.get(k)).toBe('new');
  });

  it('forgets a value once its TTL has passed', async () => {
    const k = key();
    await cache.set(k, 'short-lived', 1);
    expect(await cache.get(k)).toBe('short-lived');
    await sleep(1_300);
    expect(await cache.get(k)).toBeUndefined();
  });

  it('deletes several keys in one call and ignores an empty call', async () => {
    const [a, b, c] = [key(), key(), key()];
    await Promise.all([cache.set(a, 1, 60), cache.set(b, 2, 60), cache.set(c, 3, 60)]);
    await cache.delete(a, b);
    await cache.delete();
    expect(await cache.get(a)).toBeUndefined();
    expect(await cache.get(b)).toBeUndefined();
    expect(await cache.get(c)).toBe(3);
  });

  it('keeps nothing for an undefined value or a TTL that is already over', async () => {
    const [u, zero] = [key(), key()];
    await cache.set(u, 'before', 60);
    await cache.set(u, undefined, 60);
    await cache.set(zero, 'x', 0);
    expect(await cache.get(u)).toBeUndefined();
    expect(await cache.get(zero)).toBeUndefined();
  });

  it('rejects a value JSON cannot encode instead of caching something else', async () => {
    await expect(cache.set(key(), { big: 1n }, 60)).rejects.toThrow(TypeError);
  });

  it('says it is reachable', async () => {
    expect(await cache.ping()).toBe(true);
  });

  it(`shares entries with another cache on the same store: ${sharedStore}`, async () => {
    const k = key();
    const other = create();
    await cache.set(k, 'from the first', 60);
    expect(await other.get(k)).toBe(sharedStore ? 'from the first' : undefined);
  });
});

describe('no cache (CACHE_MEMORY_BYTES=0 without Redis)', () => {
  it('answers every read with a miss, so every caller reads the truth', async () => {
    const cache = createCache({ prefix, logger: silentLogger, db: database.db, memoryBytes: 0 });
    await cache.set('k', 'v', 60);
    expect(await cache.get('k')).toBeUndefined();
    expect(await cache.ping()).toBe(true);
  });
});

describe('MemoryCache', () => {
  it('evicts the least recently used entry beyond its size', async () => {
    // Each entry is a one-character key and a one-character JSON value: 2 units, so 4 hold two entries.
    const cache = new MemoryCache({ maxSize: 4 });
    await cache.set('a', 1, 60);
    await cache.set('b', 2, 60);
    await cache.get('a');
    await cache.set('c', 3, 60);
    expect(await cache.get('a')).toBe(1);
    expect(await cache.get('b')).toBeUndefined();
    expect(await cache.get('c')).toBe(3);
  });

  it('counts size, not entries: one large value pushes out many small ones', async () => {
    const cache = new MemoryCache({ maxSize: 1_000 });
    for (const key of ['a', 'b', 'c', 'd', 'e']) await cache.set(key, key, 60);
    await cache.set('big', 'x'.repeat(900), 60);
    const kept = await Promise.all(['a', 'b', 'c', 'd', 'e'].map((key) => cache.get(key)));
    expect(kept).toEqual(['a', 'b', 'c', 'd', 'e']);
    await cache.set('bigger', 'y'.repeat(500), 60);
    expect(await cache.get('big')).toBeUndefined();
    expect(await cache.get('bigger')).toBe('y'.repeat(500));
  });
});

describe('a Redis cache whose Redis is down', () => {
  it('answers misses, drops writes and reports unreachable, quickly and without throwing', async () => {
    const redisDown = createRedis(UNREACHABLE_REDIS_URL, silentLogger);
    try {
      const cache = createCache({ redis: redisDown, prefix, logger: silentLogger, db: database.db });
      const started = performance.now();
      await cache.set('k', 'v', 60);
      expect(await cache.get('k')).toBeUndefined();
      await cache.delete('k');
      expect(await cache.ping()).toBe(false);
      expect(performance.now() - started).toBeLessThan(1_000);
    } finally {
      redisDown.disconnect();
    }
  });

  it('warns once per outage, not once per call or reconnect attempt, and never logs the password', async () => {
    const { logger, lines, text } = captureLogger();
    const redisDown = createRedis(UNREACHABLE_REDIS_URL, logger);
    let connectionErrors = 0;
    redisDown.on('error', () => {
      connectionErrors += 1;
    });
    try {
      const cache = createCache({ redis: redisDown, prefix, logger, db: database.db });
      for (let i = 0; i < 5; i += 1) await cache.get(`k${i}`);
      await eventually(() => connectionErrors >= 3);
      const warnings = lines().filter((line) => line.level === WARN);
      // One from the connection (createRedis), one from the cache; their order is a race.
      expect(warnings.map((line) => line.msg).sort()).toEqual([
        expect.stringMatching(/^redis cache unavailable/),
        expect.stringMatching(/^redis unavailable/),
      ]);
      expect(text()).not.toContain('hunter2');
    } finally {
      redisDown.disconnect();
    }
  });
});
