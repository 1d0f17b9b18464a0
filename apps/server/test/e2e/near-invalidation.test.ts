import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  createProperty,
  createSignedInUser,
  insertPhotos,
  RedisServer,
  useTestDeps,
} from '@stayhub/api/testing';
import { afterAll, describe, expect, it } from 'vitest';
import { type Call, type Outcome, send } from '../support/http-calls.ts';
import { type AppProcess, appEnv, eventually, freePort, startApp } from '../support/processes.ts';

/**
 * Issue 12: a hot read is answered from the server process's own memory (kept answers, the near tier), and
 * a write made through another server process reaches that memory at once. Two real server processes on
 * one Redis: B serves a listing and a search from memory, A renames the listing, and B's very next reads
 * — polled as fast as they answer — show the new name within 100 ms of A's answer.
 */
const deps = await useTestDeps();
const dataDir = await mkdtemp(path.join(tmpdir(), 'stayhub-near-'));
const redis = await RedisServer.create();
afterAll(async () => {
  await redis.dispose();
  await rm(dataDir, { recursive: true, force: true });
});

const host = await createSignedInUser(deps, { role: 'host' });
const { propertyId } = await createProperty(deps.db, host.userId, { name: 'Near, before', city: 'Nearby' });
await insertPhotos(deps, propertyId, 1);

const get: Call = { path: 'properties.get', kind: 'query', input: { propertyId } };
const search: Call = { path: 'properties.search', kind: 'query', input: { text: 'Nearby', limit: 5 } };
const nameOf = (o: Outcome) => (o.body as { name?: string } | undefined)?.name;
const namesIn = (o: Outcome) =>
  ((o.body as { items?: { name: string }[] } | undefined)?.items ?? []).map((item) => item.name);

async function startServer(label: string): Promise<{ server: AppProcess; origin: string }> {
  const port = await freePort();
  const server = startApp('server', {
    ...appEnv({ databaseUrl: deps.databaseUrl, dataDir, label }),
    REDIS_URL: redis.url,
    REDIS_PREFIX: 'stayhub-near:',
    PORT: String(port),
  });
  const origin = `http://127.0.0.1:${port}`;
  await eventually(async () => ((await fetch(`${origin}/readyz`)).status === 200 ? true : undefined), 30_000);
  return { server, origin };
}

/** A counter's value by one label, from a server's /metrics. */
async function counter(origin: string, name: string, label: string, value: string): Promise<number> {
  const text = await (await fetch(`${origin}/metrics`)).text();
  const line = text.split('\n').find((l) => l.startsWith(`${name}{${label}="${value}"}`));
  return line === undefined ? 0 : Number(line.split(' ').at(-1));
}

describe('two server processes on one Redis', () => {
  it("show a write made through one in the other's memory within 100 ms", { timeout: 90_000 }, async () => {
    await redis.start();
    const [a, b] = await Promise.all([startServer('near-a'), startServer('near-b')]);
    try {
      // B answers from memory: repeated reads are kept answers, and its near tier holds the generations.
      expect(nameOf(await send(b.origin, get))).toBe('Near, before');
      expect(namesIn(await send(b.origin, search))).toEqual(['Near, before']);
      const kept = await counter(b.origin, 'stayhub_trpc_kept_answers_total', 'result', 'hit');
      const near = await counter(b.origin, 'stayhub_cache_near_requests_total', 'result', 'hit');
      for (let i = 0; i < 5; i++) {
        expect(nameOf(await send(b.origin, get))).toBe('Near, before');
        expect(namesIn(await send(b.origin, search))).toEqual(['Near, before']);
      }
      expect(await counter(b.origin, 'stayhub_trpc_kept_answers_total', 'result', 'hit')).toBe(kept + 10);
      expect(await counter(b.origin, 'stayhub_cache_near_requests_total', 'result', 'hit')).toBeGreaterThan(
        near,
      );

      const renamed = await send(a.origin, {
        path: 'properties.update',
        kind: 'mutation',
        input: { propertyId, name: 'Near, after' },
        token: host.token,
      });
      expect(renamed.status).toBe(200);

      // Every read of B from A's answer on: none may show the old name once 100 ms have passed.
      const reads: { at: number; get: string | undefined; search: string[] }[] = [];
      while (reads.length < 5 || Date.now() - renamed.endedAt < 300) {
        const [got, found] = await Promise.all([send(b.origin, get), send(b.origin, search)]);
        reads.push({
          at: Math.max(got.endedAt, found.endedAt) - renamed.endedAt,
          get: nameOf(got),
          search: namesIn(found),
        });
      }
      const stale = reads.filter((r) => r.get !== 'Near, after' || r.search[0] !== 'Near, after');
      const lastStaleMs = Math.max(0, ...stale.map((r) => r.at));
      expect(lastStaleMs).toBeLessThan(100);
      expect(reads.at(-1)).toMatchObject({ get: 'Near, after', search: ['Near, after'] });
    } finally {
      await Promise.all([a.server.terminate(), b.server.terminate()]);
    }
  });
});
