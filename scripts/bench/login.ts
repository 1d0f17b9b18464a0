/**
 * Login throughput and latency through the real HTTP server (SPEC §7: argon2id at OWASP cost is slow on
 * purpose, so this tells what a login costs and how many one process can serve).
 *
 *   node --conditions=@stayhub/source --import tsx scripts/bench/login.ts [--users 200] [--seconds 5] [--concurrency 1,4,16]
 *
 * Starts PostgreSQL (embedded unless DATABASE_URL is set), creates and migrates a throwaway database,
 * registers the users over HTTP, then for each concurrency runs logins for a bounded time (and at most
 * MAX_REQUESTS_PER_LEVEL requests). Baselines from the same run: one argon2id verify on its own, and the
 * bare `health` query at the same concurrency. Cache and rate limits are in-process (REDIS_URL is ignored,
 * so nothing is left behind); every request carries its own X-Forwarded-For so the per-IP limits, which
 * protect real servers, do not cap the measurement. Drops the database and stops what it started.
 */
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { transformer } from '@stayhub/api';
import {
  createLogger,
  hashPassword,
  loadConfig,
  openRuntime,
  resolveDatabase,
  verifyPassword,
} from '@stayhub/api/runtime';
import { createDb, createPool, migrateToLatest, withDatabase } from '@stayhub/db';
import { buildServer } from '../../apps/server/src/app.ts';
import { fmt, positiveInt, progress } from './support.ts';

const MAX_REQUESTS_PER_LEVEL = 20_000;
const PASSWORD = 'bench-lantern-orbit-meadow';

const { values: args } = parseArgs({
  options: {
    users: { type: 'string', default: '200' },
    seconds: { type: 'string', default: '5' },
    concurrency: { type: 'string', default: '1,4,16' },
  },
});
const userCount = positiveInt(args.users, 'users');
const secondsPerLevel = positiveInt(args.seconds, 'seconds');
const levels = args.concurrency.split(',').map((level) => positiveInt(level, 'concurrency'));

const config = loadConfig();
const logger = createLogger({ level: 'warn', name: 'stayhub-bench' });

let ipSequence = 0;
/** A loopback address per request (no traffic goes there: it only keys the per-IP limits). */
function nextIp(): string {
  ipSequence += 1;
  return `127.${(ipSequence >> 16) & 255}.${(ipSequence >> 8) & 255}.${ipSequence & 255}`;
}

async function post(origin: string, procedure: string, input: unknown): Promise<number> {
  const response = await fetch(`${origin}/trpc/${procedure}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-forwarded-for': nextIp() },
    body: JSON.stringify(transformer.serialize(input)),
  });
  await response.arrayBuffer();
  return response.status;
}

async function get(origin: string, procedure: string): Promise<number> {
  const response = await fetch(`${origin}/trpc/${procedure}`, { headers: { 'x-forwarded-for': nextIp() } });
  await response.arrayBuffer();
  return response.status;
}

interface LevelResult {
  requests: number;
  failures: number;
  perSecond: number;
  p50: number;
  p99: number;
}

/** `concurrency` loops calling `request` until `seconds` pass (or the request cap is reached). */
async function measure(concurrency: number, seconds: number, request: (n: number) => Promise<number>) {
  const latencies: number[] = [];
  let failures = 0;
  let issued = 0;
  const started = performance.now();
  const deadline = started + seconds * 1000;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (performance.now() < deadline && issued < MAX_REQUESTS_PER_LEVEL) {
        const n = issued++;
        const t0 = performance.now();
        const status = await request(n);
        latencies.push(performance.now() - t0);
        if (status !== 200) failures += 1;
      }
    }),
  );
  const elapsed = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  const at = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? 0;
  return {
    requests: latencies.length,
    failures,
    perSecond: latencies.length / elapsed,
    p50: at(0.5),
    p99: at(0.99),
  } satisfies LevelResult;
}

const server = await resolveDatabase(config, logger);
const benchDatabase = `stayhub_bench_${process.pid}_${randomBytes(3).toString('hex')}`;
const adminPool = createPool({ connectionString: server.url, max: 1, applicationName: 'stayhub-bench' });
const dataDir = await mkdtemp(path.join(tmpdir(), 'stayhub-bench-'));
const cleanups: Array<() => Promise<unknown>> = [
  () => server.embedded?.stop() ?? Promise.resolve(),
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
  progress(`creating throwaway database ${benchDatabase}`);
  await adminPool.query(`CREATE DATABASE "${benchDatabase}"`);
  const benchUrl = withDatabase(server.url, benchDatabase);
  const migrationPool = createPool({ connectionString: benchUrl, max: 2, applicationName: 'stayhub-bench' });
  await migrateToLatest(createDb({ pool: migrationPool }), migrationPool).finally(() => migrationPool.end());

  const runtime = await openRuntime(
    { ...config, DATABASE_URL: benchUrl, REDIS_URL: undefined, DATA_DIR: dataDir },
    logger,
    { applicationName: 'stayhub-bench' },
  );
  cleanups.push(() => runtime.close());
  // The bench keys each request's per-IP limit by X-Forwarded-For, as if behind a proxy on loopback.
  const app = await buildServer({
    deps: runtime.deps,
    config: { ...config, TRUST_PROXY: ['127.0.0.1'] },
    logger,
  });
  const origin = await app.listen({ host: '127.0.0.1', port: 0 });
  cleanups.push(() => app.close());
  progress(`server at ${origin}`);

  progress(`registering ${userCount} users over HTTP`);
  const emails = Array.from({ length: userCount }, (_, i) => `bench-${i}@example.test`);
  let registered = 0;
  await Promise.all(
    Array.from({ length: 4 }, async () => {
      while (registered < userCount) {
        const i = registered++;
        const status = await post(origin, 'auth.register', {
          email: emails[i],
          password: PASSWORD,
          firstName: 'Bench',
          lastName: `User ${i}`,
        });
        if (status !== 200) throw new Error(`register answered ${status}`);
        if ((i + 1) % 50 === 0) progress(`  ${i + 1}/${userCount}`);
      }
    }),
  );

  progress('warming up (1s of logins, not counted)');
  await measure(2, 1, (n) =>
    post(origin, 'auth.login', { email: emails[n % userCount], password: PASSWORD }),
  );

  progress('baseline: argon2id verify on its own');
  const hash = await hashPassword(PASSWORD);
  const verifies = 30;
  const t0 = performance.now();
  for (let i = 0; i < verifies; i++) await verifyPassword(hash, PASSWORD);
  const verifyMs = (performance.now() - t0) / verifies;

  const rows: Array<{ concurrency: number; login: LevelResult; health: LevelResult }> = [];
  for (const concurrency of levels) {
    progress(`concurrency ${concurrency}: health for ${secondsPerLevel}s`);
    const health = await measure(concurrency, secondsPerLevel, () => get(origin, 'health'));
    progress(`concurrency ${concurrency}: logins for ${secondsPerLevel}s`);
    const login = await measure(concurrency, secondsPerLevel, (n) =>
      post(origin, 'auth.login', { email: emails[n % userCount], password: PASSWORD }),
    );
    rows.push({ concurrency, login, health });
  }

  const cores = availableParallelism();
  console.log(
    `\nStayHub login benchmark — ${userCount} users, ${secondsPerLevel}s per level, ${cores} cores, Node ${process.version}`,
  );
  console.log(
    `database: ${config.DATABASE_URL ? 'DATABASE_URL server' : 'embedded PostgreSQL'}; cache and limits in-process`,
  );
  // Other work on the machine (a test run, another benchmark) moves every number; this says how busy it was.
  console.log(
    `load average (1, 5, 15 min): ${loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}`,
  );
  console.log(
    `baseline: one argon2id verify (m=19 MiB, t=2, p=1) = ${fmt(verifyMs, 2)} ms → ${fmt(1000 / verifyMs, 0)}/s on one thread\n`,
  );
  console.log(
    'conc | logins | fail | logins/s | p50 ms | p99 ms || health/s | health p50 | health/login | login p50 / verify',
  );
  for (const { concurrency, login, health } of rows) {
    console.log(
      [
        String(concurrency).padStart(4),
        String(login.requests).padStart(6),
        String(login.failures).padStart(4),
        fmt(login.perSecond).padStart(8),
        fmt(login.p50).padStart(6),
        fmt(login.p99).padStart(6),
      ].join(' | ') +
        ' || ' +
        [
          fmt(health.perSecond).padStart(8),
          fmt(health.p50, 2).padStart(10),
          `${fmt(health.perSecond / login.perSecond)}x`.padStart(12),
          `${fmt(login.p50 / verifyMs, 2)}x`.padStart(18),
        ].join(' | '),
    );
  }
  const failed = rows.reduce((sum, row) => sum + row.login.failures + row.health.failures, 0);
  if (failed > 0) process.exitCode = 1;
} finally {
  progress('cleaning up');
  await cleanUp();
}
