import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { enqueue, readMailbox } from '@stayhub/api/runtime';
import { useTestDeps } from '@stayhub/api/testing';
import { currentWorkerHost } from '@stayhub/api/worker';
import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { GatedPool } from '../../src/gated-pool.ts';
import { type StartedWorker, startWorker, type WorkerOptions } from '../../src/worker.ts';

const deps = await useTestDeps();
const host = currentWorkerHost();

const running: StartedWorker[] = [];
const pools: GatedPool[] = [];
async function start(overrides: Partial<WorkerOptions> = {}): Promise<StartedWorker> {
  const pgPool = new GatedPool({
    connectionString: deps.databaseUrl,
    max: 5,
    applicationName: 'stayhub-test-worker',
    onError: (err) => deps.logger.warn({ err }, 'idle worker connection failed'),
  });
  pools.push(pgPool);
  const worker = await startWorker({
    deps,
    pgPool,
    concurrency: 2,
    pollIntervalMs: 100,
    logger: deps.logger,
    ...overrides,
  });
  running.push(worker);
  return worker;
}

beforeEach(async () => {
  await sql`delete from graphile_worker._private_jobs`.execute(deps.db);
  await deps.db.deleteFrom('worker_processes').execute();
});
afterEach(async () => {
  await Promise.all(running.splice(0).map((w) => w.stop()));
  await Promise.all(pools.splice(0).map((pool) => pool.end()));
});

/** The pid of a process that has exited: nothing runs under it now. */
async function deadPid(): Promise<number> {
  const child = spawn(process.execPath, ['-e', '']);
  await once(child, 'exit');
  if (child.pid === undefined) throw new Error('no pid');
  return child.pid;
}

/** A process that stays alive until the test kills it. */
function liveProcess() {
  const child = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)']);
  if (child.pid === undefined) throw new Error('no pid');
  return { pid: child.pid, kill: () => child.kill('SIGKILL') };
}

async function registerProcess(values: {
  id: string;
  pid: number;
  workerIds: string[];
  hostname?: string;
  heartbeatAgoMs?: number;
}) {
  await deps.db
    .insertInto('worker_processes')
    .values({
      worker_process_id: values.id,
      hostname: values.hostname ?? host.hostname,
      pid_namespace: values.hostname ? null : host.pidNamespace,
      pid: values.pid,
      worker_ids: values.workerIds,
      heartbeat_at: sql`now() - ${`${values.heartbeatAgoMs ?? 0} milliseconds`}::interval`,
    })
    .execute();
}

/**
 * Queues a send_email job already locked, as graphile-worker locks (its private table, schema 0.17), in one
 * transaction so that a running worker never sees it free.
 */
async function lockedEmailJob(subject: string, lockedBy: string): Promise<number> {
  return deps.db.transaction().execute(async (trx) => {
    await enqueue(trx, 'send_email', { to: 'guest@example.test', subject, text: subject });
    const { rows } = await sql<{ id: number }>`
      update graphile_worker._private_jobs set locked_by = ${lockedBy}, locked_at = now()
      where payload->>'subject' = ${subject}
      returning id`.execute(trx);
    const job = rows[0];
    if (!job) throw new Error('job not queued');
    return job.id;
  });
}

async function mailed(subject: string): Promise<boolean> {
  return (await readMailbox(deps.mailboxDir)).some((m) => m.subject === subject);
}

async function lockOf(jobId: number): Promise<string | null | undefined> {
  const { rows } = await sql<{ locked_by: string | null }>`
    select locked_by from graphile_worker.jobs where id = ${jobId}`.execute(deps.db);
  return rows[0]?.locked_by;
}

async function registeredIds(): Promise<string[]> {
  const rows = await deps.db.selectFrom('worker_processes').select('worker_process_id').execute();
  return rows.map((r) => r.worker_process_id).sort();
}

async function until(check: () => Promise<boolean>, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

const DEAD = '00000000-0000-4000-8000-00000000dead';
const LIVE = '00000000-0000-4000-8000-0000000011fe';

describe('worker crash recovery', () => {
  it('runs a job locked by a registered process whose pid is gone as soon as a worker starts', async () => {
    await registerProcess({ id: DEAD, pid: await deadPid(), workerIds: ['pool-crashed'] });
    const jobId = await lockedEmailJob('left behind by a crash', 'pool-crashed');

    const worker = await start();

    await until(() => mailed('left behind by a crash'));
    await until(async () => (await lockOf(jobId)) === undefined);
    expect(await registeredIds()).toEqual([worker.registration.workerProcessId]);
  });

  it('leaves the jobs of a live process locked: its pid exists here, or its heartbeat is fresh elsewhere', async () => {
    const live = liveProcess();
    try {
      await registerProcess({ id: LIVE, pid: live.pid, workerIds: ['pool-live-here'] });
      // On another host a pid means nothing here, so even one that does not exist here proves nothing.
      await registerProcess({
        id: DEAD.replace('dead', 'e15e'),
        pid: await deadPid(),
        workerIds: ['pool-live-elsewhere'],
        hostname: 'another-host',
      });
      const here = await lockedEmailJob('held by a live process here', 'pool-live-here');
      const elsewhere = await lockedEmailJob('held by a live process elsewhere', 'pool-live-elsewhere');

      const worker = await start({ recovery: { sweepIntervalMs: 100 } });
      // The worker is taking jobs and sweeping: a free job runs, and a sweep after it releases nothing.
      await enqueue(deps.db, 'send_email', { to: 'guest@example.test', subject: 'free', text: 'free' });
      await until(() => mailed('free'));
      expect(await worker.registration.sweep()).toEqual([]);

      expect(await lockOf(here)).toBe('pool-live-here');
      expect(await lockOf(elsewhere)).toBe('pool-live-elsewhere');
      expect(await mailed('held by a live process here')).toBe(false);
      expect(await mailed('held by a live process elsewhere')).toBe(false);
      expect(await registeredIds()).toHaveLength(3);
    } finally {
      live.kill();
    }
  });

  it('releases the jobs of a process on another host once its heartbeat is older than the limit', async () => {
    await registerProcess({
      id: DEAD,
      pid: 4242,
      workerIds: ['pool-silent'],
      hostname: 'another-host',
      heartbeatAgoMs: 5_000,
    });
    const jobId = await lockedEmailJob('held by a silent process', 'pool-silent');

    await start({ recovery: { staleAfterMs: 2_000 } });

    await until(() => mailed('held by a silent process'));
    expect(await lockOf(jobId)).toBeUndefined();
  });

  it('releases the jobs of a process that dies while this worker runs, on the next sweep', async () => {
    const worker = await start({ recovery: { sweepIntervalMs: 200 } });
    // The job first: a sweep between the two writes would otherwise forget the dead row before its lock exists.
    await lockedEmailJob('held by a process that died later', 'pool-died-later');
    await registerProcess({ id: DEAD, pid: await deadPid(), workerIds: ['pool-died-later'] });

    await until(() => mailed('held by a process that died later'));
    expect(await registeredIds()).toEqual([worker.registration.workerProcessId]);
  });

  it('registers the id graphile-worker locks its jobs under, and deletes its row on a clean stop', async () => {
    let release: () => void = () => {};
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    let sending = false;
    const worker = await start({
      deps: {
        ...deps,
        mailer: {
          send: async () => {
            sending = true;
            await held;
          },
        },
      },
    });
    try {
      await enqueue(deps.db, 'send_email', { to: 'guest@example.test', subject: 'slow', text: 'slow' });
      await until(async () => sending);

      const { rows } = await sql<{ locked_by: string }>`
        select locked_by from graphile_worker.jobs where locked_by is not null`.execute(deps.db);
      const row = await deps.db
        .selectFrom('worker_processes')
        .select(['worker_ids', 'pid', 'hostname', 'pid_namespace'])
        .where('worker_process_id', '=', worker.registration.workerProcessId)
        .executeTakeFirstOrThrow();
      expect(rows).toHaveLength(1);
      expect(row.worker_ids).toContain(rows[0]?.locked_by);
      expect(row).toMatchObject({
        pid: process.pid,
        hostname: host.hostname,
        pid_namespace: host.pidNamespace,
      });
    } finally {
      release();
    }
    running.splice(running.indexOf(worker), 1);
    await worker.stop();
    expect(await registeredIds()).toEqual([]);
    expect((await sql`select 1 from graphile_worker.jobs`.execute(deps.db)).rows).toEqual([]);
  });

  it('heartbeats, and registers again if a peer judged it dead and deleted its row', async () => {
    const worker = await start({ recovery: { heartbeatIntervalMs: 100 } });
    const heartbeat = () =>
      deps.db
        .selectFrom('worker_processes')
        .select(sql<Date>`heartbeat_at`.as('at'))
        .where('worker_process_id', '=', worker.registration.workerProcessId)
        .executeTakeFirst();
    const first = await heartbeat();
    await until(async () => ((await heartbeat())?.at.getTime() ?? 0) > (first?.at.getTime() ?? Infinity));

    await deps.db.deleteFrom('worker_processes').execute();
    await until(async () => (await heartbeat()) !== undefined);
    const again = await deps.db
      .selectFrom('worker_processes')
      .select('worker_ids')
      .where('worker_process_id', '=', worker.registration.workerProcessId)
      .executeTakeFirstOrThrow();
    expect(again.worker_ids).toEqual(worker.registration.workerIds);
    expect(again.worker_ids.length).toBeGreaterThan(0);
  });
});

describe('GatedPool', () => {
  it('hands out no connection, by promise or by callback (pool.query), while its gate is held', async () => {
    const pool = new GatedPool({
      connectionString: deps.databaseUrl,
      max: 2,
      applicationName: 'stayhub-test-gate',
      onError: () => {},
    });
    try {
      let open: () => void = () => {};
      pool.holdUntil(new Promise<void>((resolve) => (open = resolve)));
      const answered: string[] = [];
      const byPromise = pool.connect().then((client) => {
        answered.push('connect');
        client.release();
      });
      const byCallback = pool.query('select 1').then(() => answered.push('query'));
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(answered).toEqual([]);

      open();
      await Promise.all([byPromise, byCallback]);
      expect(answered.sort()).toEqual(['connect', 'query']);
    } finally {
      await pool.end();
    }
  });
});
