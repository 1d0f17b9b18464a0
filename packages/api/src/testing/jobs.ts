import { createPool } from '@stayhub/db';
import { runTaskListOnce, type TaskList } from 'graphile-worker';
import { sql } from 'kysely';
import type { Clock } from '../infra/clock.ts';
import { createTaskList } from '../jobs/task-list.ts';
import type { TestDeps } from './deps.ts';

/**
 * Runs every job that is due now with the real task list, in this process, then returns. Jobs that fail
 * are rescheduled by graphile-worker (with backoff) exactly as in the worker process. A test that passes
 * part of the task list leaves the other tasks' jobs queued, to look at them.
 */
export async function runDueJobs(deps: TestDeps, taskList: TaskList = createTaskList(deps)): Promise<void> {
  const pool = createPool({
    connectionString: deps.databaseUrl,
    max: 2,
    applicationName: 'stayhub-test-jobs',
  });
  const client = await pool.connect();
  try {
    await runTaskListOnce({}, taskList, client);
  } finally {
    client.release();
    await pool.end();
  }
}

export interface QueuedJob {
  id: number;
  payload: unknown;
  key: string | null;
  runAt: Date;
  attempts: number;
  lastError: string | null;
}

/**
 * Jobs waiting in the queue for one task. The public `graphile_worker.jobs` view hides payloads, so this
 * test-only helper reads graphile-worker's private tables (schema version 0.17).
 */
export async function queuedJobs(deps: Pick<TestDeps, 'db'>, task: string): Promise<QueuedJob[]> {
  const { rows } = await sql<QueuedJob>`
    select j.id, j.payload, j.key, j.run_at as "runAt", j.attempts, j.last_error as "lastError"
    from graphile_worker._private_jobs j
    join graphile_worker._private_tasks t on t.id = j.task_id
    where t.identifier = ${task}
    order by j.id`.execute(deps.db);
  return rows;
}

/**
 * Runs every job due by a test clock. graphile-worker compares run_at with the database's own now(), which
 * a ManualClock cannot move: jobs whose run_at (timers, retry backoff) the test clock has reached are made
 * due now, then they run for real through the task list. Jobs the clock has not reached stay queued.
 */
export async function runJobsDueBy(deps: TestDeps, clock: Clock, taskList?: TaskList): Promise<void> {
  await sql`
    update graphile_worker._private_jobs set run_at = now()
    where run_at <= ${clock.now()} and locked_at is null and attempts < max_attempts`.execute(deps.db);
  await runDueJobs(deps, taskList);
}
