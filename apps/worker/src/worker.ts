import { createTaskList, crontab, type Deps } from '@stayhub/api';
import { createPool } from '@stayhub/db';
import { type Runner, run, Logger as WorkerLogger } from 'graphile-worker';
import type { Logger } from 'pino';

export interface WorkerOptions {
  deps: Deps;
  databaseUrl: string;
  concurrency: number;
  pollIntervalMs: number;
  logger: Logger;
}

/** graphile-worker's log lines through pino, at the same levels. */
function workerLogger(logger: Logger): WorkerLogger {
  return new WorkerLogger((scope) => (level, message, meta) => {
    const child = logger.child({ scope });
    const fields = meta ?? {};
    if (level === 'error') child.error(fields, message);
    else if (level === 'warning') child.warn(fields, message);
    else if (level === 'info') child.info(fields, message);
    else child.debug(fields, message);
  });
}

export interface StartedWorker {
  runner: Runner;
  /** Waits for running jobs to finish, then releases the worker's own pool. */
  stop(): Promise<void>;
}

/** Starts the job runner with the explicit task list and crontab from @stayhub/api (SPEC §6). */
export async function startWorker(options: WorkerOptions): Promise<StartedWorker> {
  // STYLE "Jobs": one pool per worker process, sized ≥ concurrency + 2 (job locks, cron, LISTEN).
  const pgPool = createPool({
    connectionString: options.databaseUrl,
    max: options.concurrency + 2,
    applicationName: 'stayhub-worker',
    onError: (err) => options.logger.warn({ err }, 'idle worker connection failed'),
  });
  const runner = await run({
    pgPool,
    concurrency: options.concurrency,
    pollInterval: options.pollIntervalMs,
    noHandleSignals: true,
    taskList: createTaskList(options.deps),
    crontab,
    logger: workerLogger(options.logger),
  });
  return {
    runner,
    stop: async () => {
      await runner.stop();
      await pgPool.end();
    },
  };
}
