import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { enqueue, readMailbox } from '@stayhub/api/runtime';
import { useTestDatabase } from '@stayhub/db/testing';
import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { appEnv, eventually, startApp } from '../support/processes.ts';

/**
 * A database blip (a failover, a restart, a pooler recycling connections) terminates the worker's
 * backends while it runs jobs. It must cost the worker a few seconds, never its life, and leave no job
 * locked or lost: graphile-worker 0.17 writes a job's completion without awaiting it, so an error there
 * was an unhandled rejection that ended the process with jobs already done but still queued.
 */
const database = await useTestDatabase();
const dataDir = await mkdtemp(path.join(tmpdir(), 'stayhub-blip-'));
afterAll(() => rm(dataDir, { recursive: true, force: true }));

const JOBS = 600;
const BLIPS = 4;

async function terminateWorkerBackends(): Promise<number> {
  const { rows } = await sql<{ terminated: boolean }>`
    select pg_terminate_backend(pid) as terminated from pg_stat_activity
    where datname = current_database() and application_name = 'stayhub-worker'`.execute(database.db);
  return rows.filter((row) => row.terminated).length;
}

async function queuedJobCount(): Promise<number> {
  const { rows } = await sql<{ n: number }>`select count(*)::int as n from graphile_worker.jobs`.execute(
    database.db,
  );
  return rows[0]?.n ?? -1;
}

describe('a worker process whose database connections are terminated mid-job', () => {
  it('lives on, and completes every job exactly as queued', { timeout: 120_000 }, async () => {
    const worker = startApp('worker', {
      ...appEnv({ databaseUrl: database.url, dataDir, label: 'blip' }),
      WORKER_CONCURRENCY: '4',
    });
    try {
      await eventually(async () => (worker.output().includes('StayHub worker running') ? true : undefined));
      await database.db.transaction().execute(async (trx) => {
        for (let i = 0; i < JOBS; i++) {
          await enqueue(trx, 'send_email', { to: `guest${i}@example.test`, subject: `blip ${i}`, text: 'x' });
        }
      });
      let terminated = 0;
      for (let blip = 0; blip < BLIPS; blip++) {
        await new Promise((resolve) => setTimeout(resolve, 150));
        terminated += await terminateWorkerBackends();
      }
      expect(terminated).toBeGreaterThan(0);

      await eventually(async () => ((await queuedJobCount()) === 0 ? true : undefined), 40_000).catch(
        async (err) => {
          const { rows } = await sql`
            select id, locked_by, locked_at, attempts, last_error from graphile_worker.jobs`.execute(
            database.db,
          );
          const problems = worker
            .output()
            .split('\n')
            .filter((line) => /"level":(40|50|60)/.test(line));
          throw new Error(`${err}; jobs left: ${JSON.stringify(rows)}; warnings: ${problems.join('\n')}`);
        },
      );
      const subjects = new Set((await readMailbox(path.join(dataDir, 'mailbox'))).map((m) => m.subject));
      expect(subjects.size).toBe(JOBS);
      expect(worker.child.exitCode).toBeNull();
      expect(worker.child.signalCode).toBeNull();
    } finally {
      const code = await worker.terminate();
      if (code !== 0) console.error(worker.output().slice(-4_000));
      expect(code).toBe(0);
    }
  });
});
