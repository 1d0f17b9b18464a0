import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createProperty, createSignedInUser, createUser, useTestDeps } from '@stayhub/api/testing';
import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { brief, type Call, isOk, type Outcome, send } from '../support/http-calls.ts';
import { type AppProcess, appEnv, eventually, freePort, startApp } from '../support/processes.ts';

/**
 * A deployment in miniature (SPEC §11): two server processes and two worker processes on one Postgres and
 * one Redis. 300 bookings are made through both servers while a worker is SIGKILLed mid-run and replaced.
 * Every booking must end confirmed with one charge at the provider and one payout, no job may stay locked,
 * and a change made through one server must be read through the other.
 */
const deps = await useTestDeps();
const dataDir = await mkdtemp(path.join(tmpdir(), 'stayhub-many-'));
afterAll(() => rm(dataDir, { recursive: true, force: true }));

const BOOKINGS = 300;
const PROPERTIES = 30;
const GUESTS = 30;
const CLIENTS = 16;
const env = {
  ...appEnv({ databaseUrl: deps.databaseUrl, dataDir, label: 'many' }),
  TRUST_PROXY: 'true',
  WORKER_POLL_INTERVAL_MS: '200',
};
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const day = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);

const hosts = await Promise.all(Array.from({ length: 3 }, () => createUser(deps.db, { role: 'host' })));
const properties = await Promise.all(
  Array.from({ length: PROPERTIES }, (_, i) =>
    createProperty(deps.db, hosts[i % hosts.length]?.userId ?? '', {
      instant_book: true,
      name: `Place ${i}`,
    }),
  ),
);
const guests = await Promise.all(Array.from({ length: GUESTS }, () => createSignedInUser(deps)));
const renamer = await createSignedInUser(deps, { role: 'host' });
const { propertyId: renamed } = await createProperty(deps.db, renamer.userId, { name: 'Old sign' });
await deps.db
  .insertInto('property_photos')
  .values({ property_id: renamed, url: `https://cdn.example.test/${renamed}/0.jpg`, position: 0 })
  .execute();

/** Booking `i`: its listing, and three nights of its own on that listing, so no two bookings collide. */
function bookingCall(i: number): Call {
  const slot = Math.floor(i / PROPERTIES);
  return {
    path: 'bookings.create',
    kind: 'mutation',
    token: guests[i % GUESTS]?.token,
    input: {
      propertyId: properties[i % PROPERTIES]?.propertyId,
      startDate: day(30 + slot * 4),
      endDate: day(33 + slot * 4),
      guests: 2,
      paymentMethod: 'credit_card',
      paymentToken: 'tok_visa',
      idempotencyKey: `many-${i}-${randomUUID()}`,
    },
  };
}

async function startServer(): Promise<{ server: AppProcess; origin: string }> {
  const port = await freePort();
  const server = startApp('server', { ...env, PORT: String(port) });
  const origin = `http://127.0.0.1:${port}`;
  await eventually(async () => ((await fetch(`${origin}/readyz`)).status === 200 ? true : undefined), 45_000);
  return { server, origin };
}

async function startWorker(): Promise<AppProcess> {
  const worker = startApp('worker', env);
  await eventually(async () => {
    const row = await deps.db
      .selectFrom('worker_processes')
      .select('pid')
      .where('pid', '=', worker.pid)
      .executeTakeFirst();
    return row ? true : undefined;
  }, 45_000);
  return worker;
}

async function jobCounts() {
  const { rows } = await sql<{ locked: number; due: number }>`
    select count(*) filter (where locked_by is not null)::int as locked,
           count(*) filter (where run_at <= now())::int as due
    from graphile_worker.jobs`.execute(deps.db);
  return rows[0] ?? { locked: -1, due: -1 };
}

const nameOf = (o: Outcome) => (o.body as { name?: string } | undefined)?.name;

describe('two servers and two workers on one Postgres and one Redis', () => {
  it('confirm 300 bookings made through both servers, each charged once, while a worker is killed and replaced', {
    timeout: 180_000,
  }, async () => {
    const [a, b] = await Promise.all([startServer(), startServer()]);
    const workers = await Promise.all([startWorker(), startWorker()]);
    let replacement: AppProcess | undefined;
    try {
      // The other server has the listing cached before the change.
      const getRenamed: Call = { path: 'properties.get', kind: 'query', input: { propertyId: renamed } };
      expect(nameOf(await send(b.origin, getRenamed))).toBe('Old sign');
      const update = await send(a.origin, {
        path: 'properties.update',
        kind: 'mutation',
        input: { propertyId: renamed, name: 'New sign' },
        token: renamer.token,
      });
      expect(update.status, brief(update)).toBe(200);
      const seenByOther = nameOf(await send(b.origin, getRenamed));
      // B also caches a search for the nights the first booking will take.
      const firstSlot = bookingCall(0).input as { propertyId: string; startDate: string; endDate: string };
      const searchFirstSlot: Call = {
        path: 'properties.search',
        kind: 'query',
        input: { country: 'PT', startDate: firstSlot.startDate, endDate: firstSlot.endDate, limit: 50 },
      };
      const offeredBy = async (origin: string) =>
        ((await send(origin, searchFirstSlot)).body as { items: { propertyId: string }[] }).items.map(
          (item) => item.propertyId,
        );
      expect(await offeredBy(b.origin)).toContain(firstSlot.propertyId);

      // 16 clients book through both servers; a failed call is retried with the same idempotency key.
      const created: { bookingId: string; server: 'a' | 'b'; attempts: number }[] = [];
      const failures: Outcome[] = [];
      let next = 0;
      let killedAt = 0;
      let madeAtKill = 0;
      let lockedAtKill = 0;
      const startedAt = Date.now();
      const clients = Array.from({ length: CLIENTS }, async (_, client) => {
        for (let i = next++; i < BOOKINGS; i = next++) {
          const target = i % 2 === 0 ? a : b;
          const call = { ...bookingCall(i), ip: `10.55.0.${client + 1}` };
          for (let attempt = 1; ; attempt++) {
            const outcome = await send(target.origin, call);
            if (isOk(outcome)) {
              const { bookingId } = outcome.body as { bookingId: string };
              created.push({ bookingId, server: target === a ? 'a' : 'b', attempts: attempt });
              break;
            }
            failures.push(outcome);
            if (attempt === 5) throw new Error(`booking ${i} failed 5 times: ${brief(outcome)}`);
            await sleep(200 * attempt);
          }
        }
      });
      // A third of the way in, one worker dies with jobs in hand and another takes its place.
      const killer = (async () => {
        while (created.length < BOOKINGS / 3) await sleep(20);
        killedAt = Date.now();
        madeAtKill = created.length;
        lockedAtKill = (await jobCounts()).locked;
        await workers[0]?.crash();
        replacement = await startWorker();
      })();
      await Promise.all(clients);
      const createdIn = Date.now() - startedAt;
      await killer;

      const ids = created.map((c) => c.bookingId);
      const settled = await eventually(async () => {
        const row = await deps.db
          .selectFrom('bookings')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where('booking_id', 'in', ids)
          .where('status', '=', 'confirmed')
          .executeTakeFirstOrThrow();
        return Number(row.n) === BOOKINGS ? Date.now() : undefined;
      }, 90_000);
      const settleMs = settled - startedAt - createdIn;
      const jobs = await eventually(async () => {
        const counts = await jobCounts();
        return counts.locked === 0 && counts.due === 0 ? counts : undefined;
      }, 30_000);

      const charges = await deps.db
        .selectFrom('payments')
        .select(['booking_id', 'status', 'idempotency_key'])
        .where('booking_id', 'in', ids)
        .where('kind', '=', 'charge')
        .execute();
      const { rows: ledger } = await sql<{ idempotency_key: string; status: string }>`
        select idempotency_key, status from payment_simulator.ledger where kind = 'charge'`.execute(deps.db);
      const payouts = await deps.db
        .selectFrom('payouts')
        .select(['booking_id', 'status'])
        .where('booking_id', 'in', ids)
        .execute();
      const registered = await deps.db.selectFrom('worker_processes').select('pid').execute();

      console.info(
        `many processes: ${BOOKINGS} bookings by ${CLIENTS} clients over 2 servers in ${createdIn} ms ` +
          `(${Math.round((BOOKINGS * 1000) / createdIn)} bookings/s; ${created.filter((c) => c.server === 'a').length} ` +
          `on A, ${created.filter((c) => c.server === 'b').length} on B; ${failures.length} failed calls retried); ` +
          `a worker SIGKILLed ${killedAt - startedAt} ms in, after ${madeAtKill} bookings, ${lockedAtKill} jobs locked ` +
          `then; all confirmed ` +
          `${settleMs} ms after the last booking; charges ${charges.length}, provider charges ${ledger.length}, ` +
          `payouts ${payouts.length}; jobs locked ${jobs.locked}, due ${jobs.due}`,
      );

      expect(seenByOther).toBe('New sign');
      expect(new Set(ids).size).toBe(BOOKINGS);
      expect(failures.map(brief)).toEqual([]);
      // One charge each: one payment row per booking, succeeded, and one charge at the provider for each.
      expect(charges).toHaveLength(BOOKINGS);
      expect(new Set(charges.map((c) => c.booking_id)).size).toBe(BOOKINGS);
      expect(charges.every((c) => c.status === 'succeeded')).toBe(true);
      const keys = new Set(charges.map((c) => c.idempotency_key));
      const providerCharges = ledger.filter((row) => keys.has(row.idempotency_key));
      expect(providerCharges).toHaveLength(BOOKINGS);
      expect(providerCharges.every((row) => row.status === 'succeeded')).toBe(true);
      expect(ledger).toHaveLength(BOOKINGS);
      // One payout each, scheduled for its release date.
      expect(payouts).toHaveLength(BOOKINGS);
      expect(new Set(payouts.map((p) => p.booking_id)).size).toBe(BOOKINGS);
      expect(payouts.every((p) => p.status === 'scheduled')).toBe(true);
      expect(jobs).toEqual({ locked: 0, due: 0 });
      // The dead worker's registration is gone; the two live ones remain.
      expect(registered.map((r) => r.pid).sort()).toEqual([workers[1]?.pid, replacement?.pid].sort());
      // The booking made through A is seen by B's cached search: the booked listing is no longer offered.
      expect(await offeredBy(b.origin)).not.toContain(firstSlot.propertyId);
    } finally {
      const codes = await Promise.all([
        a.server.terminate(),
        b.server.terminate(),
        workers[1]?.terminate(),
        replacement?.terminate(),
      ]);
      await workers[0]?.crash();
      expect(codes).toEqual([0, 0, 0, 0]);
    }
  });
});
