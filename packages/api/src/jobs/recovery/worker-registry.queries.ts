import type { Executor } from '@stayhub/db';
import { sql } from 'kysely';
import type { WorkerHost } from './worker-host.ts';
import type { RegisteredWorkerProcess } from './worker-liveness.rules.ts';

/**
 * Registers a worker process (again, if a sweep deleted its row); heartbeat_at and started_at come from
 * the database clock.
 */
export function upsertWorkerProcess(
  db: Executor,
  workerProcessId: string,
  host: WorkerHost,
  workerIds: string[],
) {
  return db
    .insertInto('worker_processes')
    .values({
      worker_process_id: workerProcessId,
      hostname: host.hostname,
      pid_namespace: host.pidNamespace,
      pid: host.pid,
      worker_ids: workerIds,
    })
    .onConflict((oc) =>
      oc.column('worker_process_id').doUpdateSet({ worker_ids: workerIds, heartbeat_at: sql`now()` }),
    )
    .execute();
}

/**
 * The heartbeat: heartbeat_at to the database's now(), and the full list of lock ids (rewritten each time,
 * so a write that failed once is repaired by the next). false when the row is gone: a peer judged this
 * process dead and released its locks.
 */
export async function touchWorkerProcess(
  db: Executor,
  workerProcessId: string,
  workerIds: string[],
): Promise<boolean> {
  const result = await db
    .updateTable('worker_processes')
    .set({ heartbeat_at: sql`now()`, worker_ids: workerIds })
    .where('worker_process_id', '=', workerProcessId)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

export function deleteWorkerProcess(db: Executor, workerProcessId: string) {
  return db.deleteFrom('worker_processes').where('worker_process_id', '=', workerProcessId).execute();
}

/**
 * Every other registered process, row-locked until the caller's transaction ends, so a heartbeat cannot
 * land between judging a process dead and deleting it. SKIP LOCKED: two sweeps running at once split the
 * rows instead of waiting on each other, and a row being heartbeated right now is alive anyway.
 */
export async function lockOtherWorkerProcesses(
  db: Executor,
  selfWorkerProcessId: string,
): Promise<RegisteredWorkerProcess[]> {
  const rows = await db
    .selectFrom('worker_processes')
    .select([
      'worker_process_id',
      'hostname',
      'pid_namespace',
      'pid',
      sql<number>`(extract(epoch from now() - heartbeat_at) * 1000)::float8`.as('heartbeat_age_ms'),
    ])
    .where('worker_process_id', '<>', selfWorkerProcessId)
    .forUpdate()
    .skipLocked()
    .execute();
  return rows.map((r) => ({
    workerProcessId: r.worker_process_id,
    hostname: r.hostname,
    pidNamespace: r.pid_namespace,
    pid: r.pid,
    heartbeatAgeMs: r.heartbeat_age_ms,
  }));
}

/** Deletes the rows of dead processes and returns the lock ids they had registered. */
export async function deleteWorkerProcesses(db: Executor, workerProcessIds: string[]) {
  if (workerProcessIds.length === 0) return [];
  return db
    .deleteFrom('worker_processes')
    .where('worker_process_id', 'in', workerProcessIds)
    .returning(['worker_process_id', 'worker_ids'])
    .execute();
}

/** How many jobs (and named queues) hold a lock under one of these ids (graphile-worker's public view). */
export async function countLockedJobs(db: Executor, workerIds: string[]): Promise<number> {
  const { rows } = await sql<{ n: number }>`
    select count(*)::int as n from graphile_worker.jobs where locked_by = any(${workerIds}::text[])`.execute(
    db,
  );
  return rows[0]?.n ?? 0;
}

/**
 * graphile-worker's own release (what WorkerUtils.forceUnlockWorkers calls), on the caller's transaction
 * so the locks are released if and only if the dead process's row is deleted.
 */
export async function forceUnlockWorkers(db: Executor, workerIds: string[]): Promise<void> {
  if (workerIds.length === 0) return;
  await sql`select graphile_worker.force_unlock_workers(${workerIds}::text[])`.execute(db);
}

/**
 * Releases jobs locked under one of a live process's own ids that it is not running: a lock whose
 * result never reached the process (the connection died between the database locking the job and the
 * answer arriving) or whose completion could not be written. graphile-worker keeps such a lock for 4
 * hours and has no public call for one job, so this writes its private tables (schema 0.17), as
 * force_unlock_workers does, for these jobs only. `lockedBefore` keeps a completion still being retried
 * from being taken for an orphan.
 */
export async function releaseOrphanedJobs(
  db: Executor,
  options: { workerIds: string[]; runningJobIds: string[]; lockedForSeconds: number },
): Promise<string[]> {
  if (options.workerIds.length === 0) return [];
  const { rows } = await sql<{ id: string }>`
    with orphans as (
      update graphile_worker._private_jobs
      set locked_by = null, locked_at = null
      where locked_by = any(${options.workerIds}::text[])
        and not (id = any(${options.runningJobIds}::bigint[]))
        and locked_at < now() - make_interval(secs => ${options.lockedForSeconds})
      returning id, job_queue_id
    ), queues as (
      update graphile_worker._private_job_queues
      set locked_by = null, locked_at = null
      where id in (select job_queue_id from orphans) and locked_by = any(${options.workerIds}::text[])
    )
    select id::text from orphans order by id`.execute(db);
  return rows.map((row) => row.id);
}
