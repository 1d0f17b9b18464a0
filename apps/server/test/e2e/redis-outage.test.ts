import { randomUUID } from 'node:crypto';
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
import { brief, type Call, isInternal, isOk, type Outcome, send } from '../support/http-calls.ts';
import { type AppProcess, appEnv, eventually, freePort, startApp } from '../support/processes.ts';

/**
 * Redis killed under read and write load, then started again *from its snapshot* (a Redis with
 * persistence, or one cut off by a partition, comes back holding entries written before the outage). Two
 * real server processes share that Redis. During the outage a listing is renamed, nights are booked and a
 * session ends, all on server A; from then on no read on either server may show what was true before —
 * during the outage, after Redis returns, and in the reads made from both servers at once at the end.
 */
const deps = await useTestDeps();
const dataDir = await mkdtemp(path.join(tmpdir(), 'stayhub-redis-outage-'));
const redis = await RedisServer.create();
afterAll(async () => {
  await redis.dispose();
  await rm(dataDir, { recursive: true, force: true });
});

const CLIENTS = 12;
const OLD_NAME = 'Before the outage';
const NEW_NAME = 'Renamed during the outage';
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const daysAhead = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
const nights = { startDate: daysAhead(40), endDate: daysAhead(43) };

const host = await createSignedInUser(deps, { role: 'host' });
const booker = await createSignedInUser(deps);
const leaver = await createSignedInUser(deps);
const clients = await Promise.all(Array.from({ length: CLIENTS }, () => createSignedInUser(deps)));
const { propertyId } = await createProperty(deps.db, host.userId, { name: OLD_NAME });
await insertPhotos(deps, propertyId, 1);
const others = await Promise.all(
  ['Quay loft', 'Garden studio'].map((name) => createProperty(deps.db, host.userId, { name })),
);

const getTarget: Call = { path: 'properties.get', kind: 'query', input: { propertyId } };
const searchNights: Call = {
  path: 'properties.search',
  kind: 'query',
  input: { country: 'PT', ...nights, limit: 10 },
};

async function startServer(): Promise<{ server: AppProcess; origin: string }> {
  const port = await freePort();
  const server = startApp('server', {
    ...appEnv({ databaseUrl: deps.databaseUrl, dataDir, label: `redis-outage-${port}` }),
    // Both servers share this Redis and its keys, as the servers of one deployment do.
    REDIS_URL: redis.url,
    REDIS_PREFIX: 'stayhub-redis-outage:',
    PORT: String(port),
    TRUST_PROXY: 'true',
  });
  const origin = `http://127.0.0.1:${port}`;
  await eventually(async () => ((await fetch(`${origin}/readyz`)).status === 200 ? true : undefined), 30_000);
  return { server, origin };
}

/** Whether a server's readiness reports the cache reachable again (it reconnects with backoff). */
async function cacheBack(origin: string): Promise<true | undefined> {
  const body = (await (await fetch(`${origin}/readyz`)).json()) as { cache?: boolean };
  return body.cache === true ? true : undefined;
}

const nameOf = (o: Outcome) => (o.body as { name?: string } | undefined)?.name;
const offersTarget = (o: Outcome) =>
  ((o.body as { items?: { propertyId: string }[] } | undefined)?.items ?? []).some(
    (item) => item.propertyId === propertyId,
  );

/** The calls one load client cycles through, alternating between the two servers. */
function callFor(client: number, round: number): Call {
  const token = clients[client]?.token;
  const other = others[(client + round) % others.length]?.propertyId;
  switch (round % 6) {
    case 0:
      return getTarget;
    case 1:
      return searchNights;
    case 2:
      return { path: 'users.me', kind: 'query', token };
    case 3:
      return { path: 'users.updateProfile', kind: 'mutation', input: { bio: `round ${round}` }, token };
    case 4:
      return { path: 'properties.get', kind: 'query', input: { propertyId: other } };
    default:
      return { path: 'properties.search', kind: 'query', input: { country: 'PT', limit: 10 } };
  }
}

describe('two server processes whose shared Redis is killed under load and restarted from its snapshot', () => {
  it('answer every call, never 500, and serve no read staler than a write made during the outage', {
    timeout: 90_000,
  }, async () => {
    await redis.start();
    const [a, b] = await Promise.all([startServer(), startServer()]);
    try {
      // Both servers cache the listing, the dated search and the leaver's session; the snapshot keeps them.
      for (const { origin } of [a, b]) {
        expect(nameOf(await send(origin, getTarget))).toBe(OLD_NAME);
        expect(offersTarget(await send(origin, searchNights))).toBe(true);
        expect((await send(origin, { path: 'users.me', kind: 'query', token: leaver.token })).status).toBe(
          200,
        );
      }
      await redis.save();

      const outcomes: (Outcome & { server: 'a' | 'b'; call: Call })[] = [];
      let stop = false;
      const load = clients.map(async (_, client) => {
        for (let round = 0; !stop; round++) {
          const target = (client + round) % 2 === 0 ? a : b;
          const call = callFor(client, round);
          const outcome = await send(target.origin, { ...call, ip: `10.66.0.${client + 1}` });
          outcomes.push({ ...outcome, server: target === a ? 'a' : 'b', call });
        }
      });

      await sleep(1_500);
      const killedAt = Date.now();
      await redis.kill();
      await sleep(500);
      // The writes of the outage, all on server A.
      const renamed = await send(a.origin, {
        path: 'properties.update',
        kind: 'mutation',
        input: { propertyId, name: NEW_NAME },
        token: host.token,
      });
      const booked = await send(a.origin, {
        path: 'bookings.create',
        kind: 'mutation',
        input: {
          propertyId,
          ...nights,
          guests: 2,
          paymentMethod: 'credit_card',
          paymentToken: 'tok_visa',
          idempotencyKey: randomUUID(),
        },
        token: booker.token,
      });
      const loggedOut = await send(a.origin, { path: 'auth.logout', kind: 'mutation', token: leaver.token });
      expect(
        [renamed, booked, loggedOut].map((o) => o.status),
        [renamed, booked, loggedOut].map(brief).join('; '),
      ).toEqual([200, 200, 200]);
      const writesDoneAt = Date.now();
      await sleep(2_000);

      const restartedAt = Date.now();
      await redis.start();
      await Promise.all([a, b].map(({ origin }) => eventually(() => cacheBack(origin), 15_000)));
      const cacheBackAt = Date.now();
      await sleep(3_000);
      stop = true;
      await Promise.all(load);

      // The end: the same reads from both servers at once.
      const [finalA, finalB] = await Promise.all(
        [a, b].map(async ({ origin }) => ({
          name: nameOf(await send(origin, getTarget)),
          offered: offersTarget(await send(origin, searchNights)),
          me: (await send(origin, { path: 'users.me', kind: 'query', token: leaver.token })).status,
        })),
      );

      const afterWrites = outcomes.filter((o) => o.startedAt > writesDoneAt);
      const targetGets = afterWrites.filter((o) => o.call === getTarget);
      const staleNames = targetGets.filter((o) => nameOf(o) === OLD_NAME);
      const datedSearches = afterWrites.filter((o) => o.call === searchNights);
      const staleSearches = datedSearches.filter(offersTarget);
      const during = outcomes.filter((o) => o.startedAt >= killedAt && o.startedAt < restartedAt);
      const after = outcomes.filter((o) => o.startedAt >= cacheBackAt);
      const failures = outcomes.filter((o) => !isOk(o));
      console.info(
        `redis outage under ${CLIENTS} clients on 2 servers: requests ${outcomes.length} ` +
          `(${during.length} during the outage, ${after.length} after the cache was back), ok ` +
          `${outcomes.filter(isOk).length}, 500/INTERNAL ${outcomes.filter(isInternal).length}, other failures ` +
          `${failures.length}; reads after the outage's writes: ${targetGets.length} gets of the listing ` +
          `(${staleNames.length} stale), ${datedSearches.length} searches for the booked nights ` +
          `(${staleSearches.length} stale); cache back ${cacheBackAt - restartedAt} ms after the restart`,
      );

      expect(outcomes.filter(isInternal).map(brief)).toEqual([]);
      expect(failures.map(brief)).toEqual([]);
      expect(staleNames.map(brief)).toEqual([]);
      expect(staleSearches.map(brief)).toEqual([]);
      // The load was real on both sides of the outage, and on both servers.
      expect(during.length).toBeGreaterThan(CLIENTS);
      expect(after.filter((o) => o.path === 'properties.get' && o.server === 'b').length).toBeGreaterThan(0);
      expect([finalA, finalB]).toEqual([
        { name: NEW_NAME, offered: false, me: 401 },
        { name: NEW_NAME, offered: false, me: 401 },
      ]);
      expect(a.server.child.exitCode).toBeNull();
      expect(b.server.child.exitCode).toBeNull();
    } finally {
      const codes = await Promise.all([a.server.terminate(), b.server.terminate()]);
      if (codes.some((code) => code !== 0))
        console.error(a.server.output().slice(-3_000), b.server.output().slice(-3_000));
      expect(codes).toEqual([0, 0]);
    }
  });
});
