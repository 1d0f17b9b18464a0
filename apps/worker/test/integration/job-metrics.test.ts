import { createServer, type Socket } from 'node:net';
import { useTestDeps } from '@stayhub/api/testing';
import { sql } from 'kysely';
import pg from 'pg';
import { Registry } from 'prom-client';
import { describe, expect, it } from 'vitest';
import { registerQueueDepth } from '../../src/job-metrics.ts';

const deps = await useTestDeps();

async function gauges(registry: Registry) {
  // What a scrape does: every collect() runs, and the exposition must come back whatever they met.
  const text = await registry.metrics();
  const value = (name: string) => Number(new RegExp(`^${name} (\\S+)$`, 'm').exec(text)?.[1]);
  return { depth: value('stayhub_job_queue_depth'), errors: value('stayhub_job_queue_depth_errors_total') };
}

const addJob = (task: string, options: { runAt?: string; maxAttempts?: number } = {}) =>
  sql<{ id: string }>`select (graphile_worker.add_job(${task}, '{}'::json,
    run_at => now() + ${options.runAt ?? '0 seconds'}::interval,
    max_attempts => ${options.maxAttempts ?? 25})).id`.execute(deps.db);

describe('the job queue depth', () => {
  it('counts the jobs a worker could take now: due, unlocked and with attempts left', async () => {
    const registry = new Registry();
    const pool = new pg.Pool({ connectionString: deps.databaseUrl, max: 1 });
    registerQueueDepth(registry, pool, deps.logger);
    try {
      const before = await gauges(registry);
      await addJob('metrics_ready');
      await addJob('metrics_later', { runAt: '1 hour' });
      const locked = await addJob('metrics_locked');
      await sql`update graphile_worker._private_jobs set locked_at = now(), locked_by = 'someone'
        where id = ${locked.rows[0]?.id}`.execute(deps.db);
      const exhausted = await addJob('metrics_exhausted', { maxAttempts: 1 });
      await sql`update graphile_worker._private_jobs set attempts = 1 where id = ${exhausted.rows[0]?.id}`.execute(
        deps.db,
      );
      expect(await gauges(registry)).toEqual({ depth: before.depth + 1, errors: 0 });
    } finally {
      await pool.end();
    }
  });

  it('still answers the scrape when PostgreSQL refuses or never answers, and counts each miss', async () => {
    const sockets = new Set<Socket>();
    const silent = createServer((socket) => {
      sockets.add(socket);
      socket.on('error', () => {});
    });
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const address = silent.address();
    if (address === null || typeof address === 'string') throw new Error('no port');
    const registry = new Registry();
    const refused = new pg.Pool({ connectionString: 'postgres://nobody@127.0.0.1:1/none', max: 1 });
    const hanging = new pg.Pool({
      connectionString: `postgres://nobody@127.0.0.1:${address.port}/none`,
      max: 1,
    });
    const twoGauges = new Registry();
    registerQueueDepth(registry, refused, deps.logger);
    registerQueueDepth(twoGauges, hanging, deps.logger);
    try {
      expect(await gauges(registry)).toEqual({ depth: 0, errors: 1 });
      const startedAt = Date.now();
      expect(await gauges(twoGauges)).toEqual({ depth: 0, errors: 1 });
      // Bounded by the read's 1 s limit, not by the connection that never answers.
      expect(Date.now() - startedAt).toBeLessThan(5_000);
    } finally {
      for (const socket of sockets) socket.destroy();
      await new Promise((resolve) => silent.close(resolve));
      await Promise.all([refused.end(), hanging.end().catch(() => {})]);
    }
  });
});
