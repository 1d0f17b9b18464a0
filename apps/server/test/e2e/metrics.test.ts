import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { useTestDatabase } from '@stayhub/db/testing';
import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { appEnv, eventually, freePort, startApp } from '../support/processes.ts';
import { type Exposition, samplesOf, scrape, sumOf } from '../support/prometheus.ts';

const database = await useTestDatabase();
const dataDir = await mkdtemp(path.join(tmpdir(), 'stayhub-metrics-'));
afterAll(() => rm(dataDir, { recursive: true, force: true }));

const env = {
  ...appEnv({ databaseUrl: database.url, dataDir, label: 'metrics' }),
  WORKER_POLL_INTERVAL_MS: '200',
};

/** Sent in URLs, inputs and names: it must not come back in any label. */
const FREE_TEXT = 'quokka-lantern-sentence';
const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;
/** Longer than any word a label holds: a token, a hash, an id in hex. */
const LONG_OPAQUE = /[A-Za-z0-9_-]{32,}/;

const input = (value: unknown) => `input=${encodeURIComponent(JSON.stringify({ json: value }))}`;
const statusOf = async (url: string, init?: RequestInit) => {
  const res = await fetch(url, init);
  await res.arrayBuffer();
  return res.status;
};

/** Every label value in the exposition that looks like an id, an email, a token or the text sent. */
function leakedLabelValues(exposition: Exposition, secrets: string[]): string[] {
  return exposition.samples
    .flatMap((s) => Object.values(s.labels))
    .filter(
      (value) =>
        UUID.test(value) ||
        value.includes('@') ||
        LONG_OPAQUE.test(value) ||
        value.includes(FREE_TEXT) ||
        secrets.some((secret) => value.includes(secret)),
    );
}

function expectHistogram(exposition: Exposition, name: string, labels: Record<string, string>) {
  const count = sumOf(exposition, `${name}_count`, labels);
  expect(count).toBeGreaterThan(0);
  expect(sumOf(exposition, `${name}_bucket`, { ...labels, le: '+Inf' })).toBe(count);
  expect(samplesOf(exposition, `${name}_bucket`, labels).length).toBeGreaterThan(5);
  expect(sumOf(exposition, `${name}_sum`, labels)).toBeGreaterThanOrEqual(0);
  expect(exposition.types.get(name)).toBe('histogram');
}

describe('/metrics', () => {
  it('answers on the server and the worker with the request, pool, cache, job and process series, and no label holds an id, an email, a token or sent text', async () => {
    const port = await freePort();
    const metricsPort = await freePort();
    const server = startApp('server', { ...env, PORT: String(port) });
    const worker = startApp('worker', { ...env, METRICS_PORT: String(metricsPort) });
    const origin = `http://127.0.0.1:${port}`;
    const workerMetrics = `http://127.0.0.1:${metricsPort}/metrics`;
    try {
      await eventually(async () => ((await statusOf(`${origin}/readyz`)) === 200 ? true : undefined), 45_000);
      const before = await scrape(`${origin}/metrics`);

      expect(await statusOf(`${origin}/trpc/health`)).toBe(200);
      expect(await statusOf(`${origin}/trpc/properties.amenities`)).toBe(200);
      expect(await statusOf(`${origin}/trpc/properties.amenities`)).toBe(200);
      const missingProperty = randomUUID();
      expect(await statusOf(`${origin}/trpc/properties.get?${input({ propertyId: missingProperty })}`)).toBe(
        404,
      );
      expect(await statusOf(`${origin}/trpc/${FREE_TEXT}.${randomUUID()}?${input(FREE_TEXT)}`)).toBe(404);
      expect(await statusOf(`${origin}/${FREE_TEXT}/${randomUUID()}`)).toBe(404);
      expect(await statusOf(`${origin}/trpc/health,properties.amenities?batch=1&${input({})}`)).toBe(200);
      expect(await statusOf(`${origin}/trpc/properties.amenities?batch=1&${input({})}`)).toBe(200);

      const email = `${FREE_TEXT}-${Date.now().toString(36)}@example.test`;
      const registerRes = await fetch(`${origin}/trpc/auth.register`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          json: { email, password: 'lantern-meadow-orbit-7', firstName: FREE_TEXT, lastName: 'Mode' },
        }),
      });
      expect(registerRes.status).toBe(200);
      const registered = (await registerRes.json()) as {
        result: { data: { json: { token: string; user: { userId: string } } } };
      };
      const { token, user } = registered.result.data.json;
      const authed = { headers: { authorization: `Bearer ${token}` } };
      expect(await statusOf(`${origin}/trpc/auth.sessions`, authed)).toBe(200);
      expect(await statusOf(`${origin}/trpc/auth.sessions`, authed)).toBe(200);

      // A job that fails (its payload does not parse) and one no worker runs (so the queue is never empty).
      await sql`select graphile_worker.add_job('send_email', json_build_object('to', 42), max_attempts => 1)`.execute(
        database.db,
      );
      await sql`select graphile_worker.add_job('metrics_test_unknown_task', '{}'::json)`.execute(database.db);

      const jobs = await eventually(async () => {
        const scraped = await scrape(workerMetrics);
        const done =
          sumOf(scraped, 'stayhub_jobs_total', { task: 'send_email_verification', outcome: 'success' }) >=
            1 && sumOf(scraped, 'stayhub_jobs_total', { task: 'send_email', outcome: 'failure' }) >= 1;
        return done ? scraped : undefined;
      }, 45_000);
      const after = await scrape(`${origin}/metrics`);

      // Requests: by procedure path and code, with fixed labels for unknown paths, 404s and batches.
      const requests = (labels: Record<string, string>) =>
        sumOf(after, 'stayhub_http_requests_total', labels) -
        sumOf(before, 'stayhub_http_requests_total', labels);
      expect(after.types.get('stayhub_http_requests_total')).toBe('counter');
      expect(requests({ procedure: 'health', code: 'OK' })).toBe(1);
      expect(requests({ procedure: 'properties.amenities', code: 'OK' })).toBe(3);
      expect(requests({ procedure: 'properties.get', code: 'NOT_FOUND' })).toBe(1);
      expect(requests({ procedure: 'other', code: 'NOT_FOUND' })).toBe(1);
      expect(requests({ procedure: 'other', code: '4xx' })).toBe(1);
      expect(requests({ procedure: 'batch', code: 'OK' })).toBe(1);
      expect(requests({ procedure: 'auth.register', code: 'OK' })).toBe(1);
      expect(requests({ procedure: 'auth.sessions', code: 'OK' })).toBe(2);
      expect(requests({ procedure: '/metrics', code: 'OK' })).toBeGreaterThanOrEqual(1);
      expectHistogram(after, 'stayhub_http_request_duration_seconds', {
        procedure: 'auth.register',
        code: 'OK',
      });
      expect(
        sumOf(after, 'stayhub_http_request_duration_seconds_sum', { procedure: 'auth.register' }),
      ).toBeGreaterThan(0);
      const procedures = new Set(
        samplesOf(after, 'stayhub_http_requests_total').map((s) => s.labels.procedure),
      );
      expect([...procedures].filter((p) => p?.includes(FREE_TEXT) || p?.includes('/trpc'))).toEqual([]);

      // Pool and cache: the second amenity catalog read is a hit, the missing property's generation a miss.
      for (const exposition of [after, jobs]) {
        expect(exposition.types.get('stayhub_pg_pool_connections')).toBe('gauge');
        expect(sumOf(exposition, 'stayhub_pg_pool_connections', { state: 'total' })).toBeGreaterThanOrEqual(
          1,
        );
        expect(samplesOf(exposition, 'stayhub_pg_pool_connections', { state: 'idle' })).toHaveLength(1);
        expect(samplesOf(exposition, 'stayhub_pg_pool_connections', { state: 'waiting' })).toHaveLength(1);
        expect(exposition.types.get('process_cpu_user_seconds_total')).toBe('counter');
        expect(sumOf(exposition, 'process_cpu_user_seconds_total')).toBeGreaterThan(0);
        expect(samplesOf(exposition, 'nodejs_eventloop_lag_seconds')).toHaveLength(1);
      }
      expect(
        sumOf(after, 'stayhub_cache_requests_total', { cache: 'amenity-catalog', result: 'hit' }),
      ).toBeGreaterThanOrEqual(1);
      expect(
        sumOf(after, 'stayhub_cache_requests_total', { cache: 'property-generation', result: 'miss' }),
      ).toBeGreaterThanOrEqual(1);
      expect(sumOf(after, 'stayhub_cache_requests_total', { cache: 'session' })).toBeGreaterThanOrEqual(2);

      // Jobs: by task and outcome, both latencies, the ready queue (the unknown task's job waits in it).
      expect(jobs.types.get('stayhub_jobs_total')).toBe('counter');
      expectHistogram(jobs, 'stayhub_job_queue_delay_seconds', { task: 'send_email_verification' });
      expectHistogram(jobs, 'stayhub_job_duration_seconds', { task: 'send_email_verification' });
      expectHistogram(jobs, 'stayhub_job_duration_seconds', { task: 'send_email' });
      expect(jobs.types.get('stayhub_job_queue_depth')).toBe('gauge');
      expect(sumOf(jobs, 'stayhub_job_queue_depth')).toBeGreaterThanOrEqual(1);
      expect(sumOf(jobs, 'stayhub_job_queue_depth_errors_total')).toBe(0);
      const tasks = new Set(samplesOf(jobs, 'stayhub_jobs_total').map((s) => s.labels.task));
      expect(tasks.has('metrics_test_unknown_task')).toBe(false);

      for (const exposition of [before, after, jobs]) {
        expect(leakedLabelValues(exposition, [token, user.userId, missingProperty, email])).toEqual([]);
      }
      expect(await statusOf(`http://127.0.0.1:${metricsPort}/`)).toBe(404);
      expect(await statusOf(`http://127.0.0.1:${metricsPort}/metrics`, { method: 'POST' })).toBe(404);
    } finally {
      expect(await worker.terminate()).toBe(0);
      expect(await server.terminate()).toBe(0);
    }
    // The metrics server closed with the worker.
    await expect(fetch(workerMetrics)).rejects.toThrow();
  });
});
