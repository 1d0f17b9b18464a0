/**
 * How long /graphql takes to refuse hostile documents (SPEC §8: a clean 400-class answer in < 50 ms):
 *
 *   node --conditions=@stayhub/source --import tsx scripts/bench/graphql-refusals.ts [--runs 30]
 *
 * Starts the real server (NODE_ENV=production, so introspection is off) on a throwaway migrated database
 * (DATABASE_URL, or the embedded PostgreSQL), sends each document `--runs` times over HTTP one after the
 * other, and prints the status, the reason and the p50/p95/max round trip per document, against a tiny
 * valid query's. The refusals never reach a resolver, so the database is idle throughout.
 */
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { createLogger, loadConfig, openRuntime, resolveDatabase } from '@stayhub/api/runtime';
import { createDb, createPool, migrateToLatest, withDatabase } from '@stayhub/db';
import { buildServer } from '../../apps/server/src/app.ts';
import { fmt, percentile, positiveInt, progress } from './support.ts';

const { values: args } = parseArgs({ options: { runs: { type: 'string', default: '30' } } });
const runs = positiveInt(args.runs, 'runs');

const config = loadConfig();
const logger = createLogger({ level: 'warn', name: 'stayhub-bench' });

function deep(levels: number): string {
  let selection = 'reviewCount';
  for (let level = 0; level < levels; level += 1) {
    selection = `reviews { edges { node { author { hostStats { reviewCount } } ${selection} } } }`;
  }
  return `{ search { edges { node { ${selection} } } } }`;
}

const documents: Record<string, string> = {
  'a valid query (amenities)': '{ amenities { code } }',
  'depth 50': deep(25),
  '1,000 aliases': `{ ${Array.from({ length: 1_000 }, (_, i) => `a${i}: amenities { code }`).join(' ')} }`,
  '10 MB document': `{ amenities { code ${' name'.repeat(2_000_000)} } }`,
  '1 MB of tokens (under the body limit)': `{ amenities { code ${' name'.repeat(200_000)} } }`,
  'fragment cycle': 'query { me { ...A } } fragment A on Me { userId ...B } fragment B on Me { email ...A }',
  introspection: '{ __schema { types { name fields { name } } } }',
};

const server = await resolveDatabase(config, logger);
const database = `stayhub_bench_${process.pid}_${randomBytes(3).toString('hex')}`;
const admin = createPool({ connectionString: server.url, max: 1, applicationName: 'stayhub-bench' });
const dataDir = await mkdtemp(path.join(tmpdir(), 'stayhub-bench-'));
try {
  await admin.query(`CREATE DATABASE "${database}"`);
  const url = withDatabase(server.url, database);
  const migrationPool = createPool({ connectionString: url, max: 2, applicationName: 'stayhub-bench' });
  await migrateToLatest(createDb({ pool: migrationPool }), migrationPool).finally(() => migrationPool.end());
  const runtime = await openRuntime(
    { ...config, DATABASE_URL: url, REDIS_URL: undefined, DATA_DIR: dataDir },
    logger,
    {
      applicationName: 'stayhub-bench',
    },
  );
  const app = await buildServer({
    deps: runtime.deps,
    config: { ...config, NODE_ENV: 'production' },
    logger,
  });
  const origin = await app.listen({ host: '127.0.0.1', port: 0 });
  try {
    console.log(
      `${runs} sequential requests per document over HTTP; Node ${process.version}, ${availableParallelism()} CPUs, ` +
        `load ${loadavg()
          .map((n) => fmt(n, 2))
          .join(' ')}; BODY_LIMIT_BYTES ${config.BODY_LIMIT_BYTES}`,
    );
    console.log(
      `${'document'.padEnd(40)} ${'status'.padStart(6)} ${'reason'.padEnd(20)} p50 ms  p95 ms  max ms`,
    );
    for (const [name, query] of Object.entries(documents)) {
      const body = JSON.stringify({ query });
      const times: number[] = [];
      let status = 0;
      let reason = '';
      for (let run = 0; run <= runs; run += 1) {
        const started = performance.now();
        const response = await fetch(`${origin}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', accept: 'application/json' },
          body,
        });
        const answer = await response.json();
        const elapsed = performance.now() - started;
        if (run > 0) times.push(elapsed); // the first one warms the path up
        status = response.status;
        reason = answer.errors?.[0]?.extensions?.reason ?? '-';
      }
      times.sort((a, b) => a - b);
      console.log(
        `${name.padEnd(40)} ${String(status).padStart(6)} ${reason.padEnd(20)} ${fmt(percentile(times, 0.5), 1).padStart(6)}  ` +
          `${fmt(percentile(times, 0.95), 1).padStart(6)}  ${fmt(times.at(-1) ?? Number.NaN, 1).padStart(6)}`,
      );
    }
  } finally {
    await app.close();
    await runtime.close();
  }
} finally {
  await admin.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`).catch(() => {});
  await admin.end();
  await server.embedded?.stop();
  await rm(dataDir, { recursive: true, force: true });
  progress('done');
}
