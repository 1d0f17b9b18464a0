/**
 * StayHub's read path side by side with the bare node:http + pg limit (scripts/bench/bare-server.mjs):
 *
 *   node --conditions=@stayhub/source --import tsx scripts/bench/compare.ts [--scale 100000] [--ids 2000]
 *     [--seconds 10] [--rounds 3] [--connections 32] [--threads 2] [--only 'rest get,properties.get']
 *
 * Reuses (or creates, migrates and seeds, with progress) the perf database `stayhub_perf_<scale>` on the test
 * server (DATABASE_URL, or the embedded test PostgreSQL); `--fresh` drops it first. Starts, on that database,
 * the bare baseline and two real StayHub server processes (apps/server, compiled dist/ when built, as
 * production runs it, NODE_ENV=production, LOG_LEVEL=warn): one with Redis (REDIS_URL, under a prefix of its
 * own), one with the in-process cache (no REDIS_URL). One load generator, `wrk` (Debian package), drives
 * each target with the same `--ids` rotating listing ids, in interleaved rounds (baseline, then each
 * target, per round), after a warm-up pass that fills the caches. Prints req/s, p50 and p99 per target
 * (median over rounds) and the ratio of req/s to the baseline's in the same round.
 *
 * Targets: properties.get (Redis + near tier, warm) · properties.get (in-process cache) · rest get (the same
 * procedure as `GET /api/v1/properties/{id}`, plain JSON, on the in-process server; its req/s over tRPC's is
 * printed per round, SPEC §8 asks ≥ 0.8) · properties.get on Redis with the stock tRPC adapter and no near
 * tier or kept answers (the read path before issue 12) · properties.get with no cache at all (every call
 * reads Postgres) · properties.search by city (cached page) · properties.search by city + dates + guests
 * (rotating inputs) · graphql property (GraphQL `property(propertyId)` asking for every field properties.get
 * returns, GET /graphql on the in-process server; its req/s over tRPC's is printed per round, SPEC §8 asks
 * ≥ 0.8). `--only` keeps the targets whose names contain one of its comma-separated parts (the
 * baseline always runs). bookings.create is measured by scripts/bench/bookings.ts.
 */
import { type ChildProcess, execFile, fork, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs, promisify } from 'node:util';
import { hashPassword } from '@stayhub/api/runtime';
import { addDays, describePerfSeed, progressReporter, seedPerf, todayIn } from '@stayhub/api/seed';
import { createDb, createPool, migrateToLatest, withDatabase } from '@stayhub/db';
import { freePort, startTestServer } from '@stayhub/db/testing';
import { fmt, positiveInt, progress, sleep } from './support.ts';

const { values: flags } = parseArgs({
  options: {
    scale: { type: 'string', default: '100000' },
    ids: { type: 'string', default: '2000' },
    seconds: { type: 'string', default: '10' },
    rounds: { type: 'string', default: '3' },
    connections: { type: 'string', default: '32' },
    threads: { type: 'string', default: '2' },
    fresh: { type: 'boolean', default: false },
    only: { type: 'string' },
  },
});
const SCALE = positiveInt(flags.scale, 'scale');
const IDS = positiveInt(flags.ids, 'ids');
const SECONDS = positiveInt(flags.seconds, 'seconds');
const ROUNDS = positiveInt(flags.rounds, 'rounds');
const CONNECTIONS = positiveInt(flags.connections, 'connections');
const THREADS = positiveInt(flags.threads, 'threads');

const ONLY = flags.only
  ?.split(',')
  .map((part) => part.trim())
  .filter((part) => part !== '');

const TRPC_GET = 'properties.get, in-process cache';
const REST_GET = 'rest get /api/v1/properties/{id}, in-process';
const GRAPHQL_GET = 'graphql property(propertyId), in-process';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const run = promisify(execFile);

/** The perf database, reused between runs: seeding 100k listings takes about a minute, 1M about ten. */
async function perfDatabase(serverUrl: string): Promise<string> {
  const name = `stayhub_perf_${SCALE}`;
  const admin = createPool({ connectionString: serverUrl, max: 1, applicationName: 'stayhub-bench' });
  try {
    if (flags.fresh) await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    const { rowCount } = await admin.query('select 1 from pg_database where datname = $1', [name]);
    if (!rowCount) await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  const url = withDatabase(serverUrl, name);
  const pool = createPool({ connectionString: url, max: 4, applicationName: 'stayhub-bench-setup' });
  const db = createDb({ pool });
  try {
    await migrateToLatest(db, pool);
    const seeded = await seedPerf(db, {
      scale: SCALE,
      passwordHash: await hashPassword('perf-password-123'),
      onProgress: progressReporter(),
    });
    if (seeded.inserted) for (const line of describePerfSeed(seeded)) progress(line);
    else progress(`reusing ${name} (${SCALE.toLocaleString('en-US')} listings; --fresh to seed it again)`);
  } finally {
    await db.destroy();
  }
  return url;
}

interface Inputs {
  ids: string[];
  cities: string[];
}

async function inputs(url: string): Promise<Inputs> {
  const pool = createPool({ connectionString: url, max: 1, applicationName: 'stayhub-bench-setup' });
  try {
    const ids = await pool.query<{ property_id: string }>(
      `select property_id from properties where status = 'listed' order by md5(property_id::text) limit $1`,
      [IDS],
    );
    const cities = await pool.query<{ city: string }>(
      `select city from properties where status = 'listed' group by city order by count(*) desc limit 12`,
    );
    return { ids: ids.rows.map((r) => r.property_id), cities: cities.rows.map((r) => r.city) };
  } finally {
    await pool.end();
  }
}

interface Target {
  name: string;
  origin: () => string;
  /** The request paths wrk rotates through. */
  paths: string[];
}

const trpcGet = (procedure: string, input: unknown) =>
  `/trpc/${procedure}?input=${encodeURIComponent(JSON.stringify({ json: input }))}`;

/** Every field properties.get answers, so both surfaces do the same work. */
const propertyDocument = `query($propertyId: ID!) { property(propertyId: $propertyId) {
  propertyId host { userId firstName avatarUrl } name description propertyType address city region country lat
  lng exactLocation timezone pricePerNightCents cleaningFeeCents currency maxGuests bedrooms beds bathrooms
  minNights maxNights instantBook cancellationPolicy status ratingAvg reviewCount listedAt createdAt updatedAt
  amenities { code name category } photos { photoId url caption position } } }`;

const graphqlGet = (query: string, variables: unknown) =>
  `/graphql?query=${encodeURIComponent(query)}&variables=${encodeURIComponent(JSON.stringify(variables))}`;

/** A server process on a free port, ready when `/readyz` (or the bare server's message) says so. */
interface Started {
  origin: string;
  child: ChildProcess;
}

async function waitReady(origin: string, readyPath: string, child: ChildProcess): Promise<void> {
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${origin}: the process exited with ${child.exitCode}`);
    const ok = await fetch(`${origin}${readyPath}`).then(
      (res) => res.status < 500,
      () => false,
    );
    if (ok) return;
    if (Date.now() > deadline) throw new Error(`${origin} did not become ready`);
    await sleep(200);
  }
}

async function startBare(url: string): Promise<Started> {
  const port = await freePort();
  const child = fork(path.join(repoRoot, 'scripts/bench/bare-server.mjs'), {
    env: { ...process.env, DATABASE_URL: url, PORT: String(port) },
    execArgv: [],
    stdio: 'inherit',
  });
  const origin = `http://127.0.0.1:${port}`;
  await waitReady(origin, '/p/00000000-0000-0000-0000-000000000000', child);
  return { origin, child };
}

async function startStayHub(
  url: string,
  redis: boolean,
  settings: Record<string, string> = {},
): Promise<Started> {
  const port = await freePort();
  const compiled = path.join(repoRoot, 'apps/server/dist/main.js');
  const args = existsSync(compiled)
    ? [compiled]
    : ['--conditions=@stayhub/source', '--import', 'tsx', path.join(repoRoot, 'apps/server/src/main.ts')];
  const { REDIS_URL, DATABASE_URL: _unused, ...env } = process.env;
  const child = spawn(process.execPath, args, {
    cwd: repoRoot,
    env: {
      ...env,
      NODE_ENV: 'production',
      LOG_LEVEL: 'warn',
      DATABASE_URL: url,
      PORT: String(port),
      DATA_DIR: await mkdtemp(path.join(tmpdir(), 'stayhub-compare-')),
      ...(redis && REDIS_URL ? { REDIS_URL, REDIS_PREFIX: `stayhub-compare-${process.pid}:` } : {}),
      ...settings,
    },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const origin = `http://127.0.0.1:${port}`;
  await waitReady(origin, '/readyz', child);
  return { origin, child };
}

interface Figures {
  rps: number;
  p50Ms: number;
  p99Ms: number;
  errors: number;
}

const toMs = (value: string): number => {
  const match = /^([\d.]+)(us|ms|s|m)$/.exec(value.trim());
  if (!match) return Number.NaN;
  const n = Number(match[1]);
  return match[2] === 'us' ? n / 1000 : match[2] === 'ms' ? n : match[2] === 's' ? n * 1000 : n * 60_000;
};

/** Runs wrk against `origin`, rotating through `paths` (a Lua script per run), and reads its figures. */
async function wrk(dir: string, origin: string, paths: string[], seconds: number): Promise<Figures> {
  const script = path.join(dir, 'paths.lua');
  await writeFile(
    script,
    `local paths = {${paths.map((p) => JSON.stringify(p)).join(',')}}\n` +
      'local i = math.random(#paths)\n' +
      'request = function()\n  i = i % #paths + 1\n  return wrk.format("GET", paths[i])\nend\n',
  );
  const { stdout } = await run(
    'wrk',
    [`-t${THREADS}`, `-c${CONNECTIONS}`, `-d${seconds}s`, '--latency', '-s', script, origin],
    { maxBuffer: 16 * 1024 * 1024 },
  );
  const rps = Number(/Requests\/sec:\s+([\d.]+)/.exec(stdout)?.[1]);
  const p50Ms = toMs(/^\s+50%\s+(\S+)/m.exec(stdout)?.[1] ?? '');
  const p99Ms = toMs(/^\s+99%\s+(\S+)/m.exec(stdout)?.[1] ?? '');
  const non2xx = Number(/Non-2xx or 3xx responses:\s+(\d+)/.exec(stdout)?.[1] ?? 0);
  const socket = /Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)/.exec(stdout);
  const errors = non2xx + (socket ? socket.slice(1).reduce((sum, n) => sum + Number(n), 0) : 0);
  return { rps, p50Ms, p99Ms, errors };
}

const median = (values: number[]) => {
  const sorted = [...values].sort((x, y) => x - y);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
};

async function main(): Promise<void> {
  await run('wrk', ['--version']).catch((error: { code?: string; stdout?: string }) => {
    // wrk --version exits 1 after printing its version; only a missing binary is fatal.
    if (error.code === 'ENOENT') throw new Error('wrk is not installed: apt-get install -y wrk');
  });
  const server = await startTestServer(() => {});
  const started: Started[] = [];
  const dir = await mkdtemp(path.join(tmpdir(), 'stayhub-compare-wrk-'));
  try {
    const url = await perfDatabase(server.url);
    const { ids, cities } = await inputs(url);
    progress(`${ids.length} rotating ids, ${cities.length} cities; starting the servers`);
    const bare = await startBare(url);
    const withRedis = process.env.REDIS_URL ? await startStayHub(url, true) : undefined;
    const inProcess = await startStayHub(url, false);
    // Without the fast path, kept answers and the near tier: the read path as it was before issue 12's work.
    const before = process.env.REDIS_URL
      ? await startStayHub(url, true, {
          TRPC_FAST_PATH: 'false',
          RESPONSE_CACHE_BYTES: '0',
          CACHE_MEMORY_BYTES: '0',
        })
      : undefined;
    // No cache of any kind: every get reads Postgres, as the bare server does.
    const uncached = await startStayHub(url, false, { RESPONSE_CACHE_BYTES: '0', CACHE_MEMORY_BYTES: '0' });
    started.push(bare, inProcess, uncached, ...(withRedis ? [withRedis] : []), ...(before ? [before] : []));

    const today = todayIn('UTC', new Date());
    const stays = Array.from({ length: 50 }, (_, i) => {
      const startDate = addDays(today, 14 + ((i * 37) % 300));
      return { startDate, endDate: addDays(startDate, 3 + (i % 4)) };
    });
    const baseline: Target = {
      name: 'bare node:http + pg, get by id',
      origin: () => bare.origin,
      paths: ids.map((id) => `/p/${id}`),
    };
    const gets = ids.map((propertyId) => trpcGet('properties.get', { propertyId }));
    const targets: Target[] = [
      ...(withRedis
        ? [{ name: 'properties.get, Redis cache (warm)', origin: () => withRedis.origin, paths: gets }]
        : []),
      { name: TRPC_GET, origin: () => inProcess.origin, paths: gets },
      { name: REST_GET, origin: () => inProcess.origin, paths: ids.map((id) => `/api/v1/properties/${id}`) },
      {
        name: GRAPHQL_GET,
        origin: () => inProcess.origin,
        paths: ids.map((propertyId) => graphqlGet(propertyDocument, { propertyId })),
      },
      ...(before
        ? [
            {
              name: 'properties.get, Redis, stock adapter (before)',
              origin: () => before.origin,
              paths: gets,
            },
          ]
        : []),
      { name: 'properties.get, cache disabled', origin: () => uncached.origin, paths: gets },
      {
        name: 'properties.search by city (cached page)',
        origin: () => (withRedis ?? inProcess).origin,
        paths: cities.map((text) => trpcGet('properties.search', { text, limit: 20 })),
      },
      {
        name: 'properties.search city + dates + guests',
        origin: () => (withRedis ?? inProcess).origin,
        paths: cities.flatMap((text) =>
          stays.map((stay) => trpcGet('properties.search', { text, ...stay, guests: 2, limit: 20 })),
        ),
      },
    ].filter((target) => ONLY === undefined || ONLY.some((part) => target.name.includes(part)));

    progress('warm-up: one pass over every target');
    for (const target of [baseline, ...targets]) await wrk(dir, target.origin(), target.paths, 3);

    const results = new Map<string, { figures: Figures[]; ratios: number[] }>();
    for (let round = 1; round <= ROUNDS; round++) {
      const base = await wrk(dir, baseline.origin(), baseline.paths, SECONDS);
      const entry = results.get(baseline.name) ?? { figures: [], ratios: [] };
      entry.figures.push(base);
      entry.ratios.push(1);
      results.set(baseline.name, entry);
      progress(`round ${round}/${ROUNDS}: ${baseline.name} ${fmt(base.rps, 0)} req/s`);
      for (const target of targets) {
        const figures = await wrk(dir, target.origin(), target.paths, SECONDS);
        const row = results.get(target.name) ?? { figures: [], ratios: [] };
        row.figures.push(figures);
        row.ratios.push(figures.rps / base.rps);
        results.set(target.name, row);
        progress(
          `round ${round}/${ROUNDS}: ${target.name} ${fmt(figures.rps, 0)} req/s (${fmt(figures.rps / base.rps, 2)} ×)`,
        );
      }
    }

    console.log(
      `\n${SCALE.toLocaleString('en-US')} listings, ${ids.length} rotating ids; wrk -t${THREADS} -c${CONNECTIONS} ` +
        `-d${SECONDS}s × ${ROUNDS} interleaved rounds; Node ${process.version}, ${availableParallelism()} CPUs, ` +
        `load ${loadavg()
          .map((n) => fmt(n, 2))
          .join(' ')}`,
    );
    console.log(
      `${'target'.padEnd(48)} ${'req/s'.padStart(8)} ${'p50 ms'.padStart(8)} ${'p99 ms'.padStart(8)} ${'× bare'.padStart(7)} ${'errors'.padStart(7)}  ratios per round`,
    );
    for (const [name, { figures, ratios }] of results) {
      console.log(
        `${name.padEnd(48)} ${fmt(median(figures.map((f) => f.rps)), 0).padStart(8)} ` +
          `${fmt(median(figures.map((f) => f.p50Ms)), 2).padStart(8)} ${fmt(median(figures.map((f) => f.p99Ms)), 2).padStart(8)} ` +
          `${fmt(median(ratios), 2).padStart(7)} ${String(figures.reduce((sum, f) => sum + f.errors, 0)).padStart(7)}  ` +
          ratios.map((r) => fmt(r, 2)).join(' '),
      );
    }
    const trpc = results.get(TRPC_GET);
    for (const [label, name] of [
      ['rest get', REST_GET],
      ['graphql property', GRAPHQL_GET],
    ] as const) {
      const other = results.get(name);
      if (!trpc || !other) continue;
      const perRound = other.figures.map(
        (figures, round) => figures.rps / (trpc.figures[round]?.rps ?? Number.NaN),
      );
      console.log(
        `\n${label} ÷ tRPC properties.get (same server, same round): ${fmt(median(perRound), 2)} × median, ` +
          `rounds ${perRound.map((r) => fmt(r, 2)).join(' ')} (SPEC §8: ≥ 0.80)`,
      );
    }
  } finally {
    for (const { child } of started) child.kill('SIGTERM');
    await Promise.all(
      started.map(({ child }) =>
        child.exitCode === null ? new Promise((resolve) => child.once('exit', resolve)) : undefined,
      ),
    );
    await rm(dir, { recursive: true, force: true });
    await server.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exitCode = 1;
});
