import { runOnce, Logger as WorkerLogger } from 'graphile-worker';
import { sql } from 'kysely';
import type { Deps } from '../../../src/domain/deps.ts';
import type { DevMailbox } from '../../../src/infra/mail/dev-mailbox.ts';
import { createTaskList } from '../../../src/jobs/task-list.ts';

/** Shared by the auth integration tests: queued jobs, the dev mailbox, fresh addresses. */

/** Jobs waiting in graphile-worker's queue for `task` (payload included, which its public view omits). */
export async function queuedJobs(deps: Pick<Deps, 'db'>, task: string) {
  const { rows } = await sql<{ payload: unknown; key: string | null }>`
    select jobs.payload, jobs.key
    from graphile_worker._private_jobs as jobs
    join graphile_worker._private_tasks as tasks on tasks.id = jobs.task_id
    where tasks.identifier = ${task}
    order by jobs.id`.execute(deps.db);
  return rows;
}

const silentWorkerLogger = new WorkerLogger(() => () => {});

/** Runs every job that is due, once, with the real task list: what the worker process would do. */
export async function runQueuedJobs(deps: Deps & { databaseUrl: string }): Promise<void> {
  await runOnce({
    connectionString: deps.databaseUrl,
    taskList: createTaskList(deps),
    concurrency: 1,
    logger: silentWorkerLogger,
  });
}

/** The code in the newest mail to `email` (reset or verification), or throws when there is none. */
export function codeMailedTo(mailbox: DevMailbox, email: string): string {
  const mail = mailbox.messages.filter((m) => m.to === email).at(-1);
  const code = mail?.text.match(/code: ([A-Za-z0-9_-]{43})$/m)?.[1];
  if (!code) throw new Error(`no code mailed to ${email}`);
  return code;
}

export function mailsTo(mailbox: DevMailbox, email: string) {
  return mailbox.messages.filter((m) => m.to === email);
}

let emailSequence = 0;

/** A fresh address per call. */
export function newEmail(label = 'user'): string {
  emailSequence += 1;
  return `${label}-${Date.now().toString(36)}-${emailSequence}@example.test`;
}

export const STRONG_PASSWORD = 'velvet-otter-harbour-42';
