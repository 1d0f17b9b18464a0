import { EventEmitter } from 'node:events';
import type { Deps } from '@stayhub/api/runtime';
import { createTaskList, crontab } from '@stayhub/api/worker';
import { createDb } from '@stayhub/db';
import { type Runner, run, type WorkerEvents, Logger as WorkerLogger } from 'graphile-worker';
import type { Logger } from 'pino';
import type { Registry } from 'prom-client';
import { retryAfterConnectionLoss } from './database-blips.ts';
import type { GatedPool } from './gated-pool.ts';
import { instrumentJobs, registerQueueDepth } from './job-metrics.ts';
import { defaultRecoveryTimings, ProcessRegistration, type RecoveryTimings } from './process-registration.ts';

export interface WorkerOptions {
  deps: Deps;
  /** The process's one pool, also behind `deps.db` in production; its owner ends it after `stop()`. */
  pgPool: GatedPool;
  concurrency: number;
  pollIntervalMs: number;
  logger: Logger;
  /** Heartbeat, sweep and staleness timings of the worker registry (crash recovery); defaults for production. */
  recovery?: Partial<RecoveryTimings>;
  /** The process's registry (`runtime.metrics`): job counts, latencies and queue depth go on it. */
  metrics?: Registry;
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
  /** This process's row in the worker registry. */
  registration: ProcessRegistration;
  /** Waits for running jobs to finish, then deregisters; the pool stays open for its owner to end. */
  stop(): Promise<void>;
}

/**
 * Starts the job runner with the explicit task list and crontab from @stayhub/api (SPEC §6), registered in
 * the worker registry so that, if this process dies, another releases the jobs it held (README "Jobs and
 * workers"). At start it first releases the jobs of processes that died before it.
 */
export async function startWorker(options: WorkerOptions): Promise<StartedWorker> {
  retryAfterConnectionLoss();
  const timings = { ...defaultRecoveryTimings, ...options.recovery };
  const { pgPool } = options;
  // The registry writes past the pool's gate, because the gate waits on them (gated-pool.ts).
  const registryDb = createDb({ pool: pgPool.ungated });
  const registration = await ProcessRegistration.register(registryDb, options.logger, timings);
  try {
    await registration.sweep();
  } catch (err) {
    await registration.deregister();
    throw err;
  }
  // Passed in rather than read from runner.events: the pool and its workers are created (and start taking
  // jobs) inside run(), before it returns. graphile-worker 0.17 writes the pool id into locked_by; the
  // worker ids are recorded too, so the registry stays right if a version locks per worker again. The
  // pool hands out no connection (so locks no job) until the id is in the registry (gated-pool.ts).
  const events: WorkerEvents = new EventEmitter();
  events.on('pool:create', ({ workerPool }) => pgPool.holdUntil(registration.addWorkerId(workerPool.id)));
  events.on('worker:create', ({ worker }) => pgPool.holdUntil(registration.addWorkerId(worker.workerId)));
  // Which jobs this process runs now, so a lock of ours that none of them holds can be told for an orphan.
  const running = new Set<string>();
  events.on('job:start', ({ job }) => running.add(job.id));
  events.on('job:complete', ({ job }) => running.delete(job.id));
  events.on('worker:getJob:empty', () => registration.releaseOrphans([...running]));
  const taskList = createTaskList(options.deps);
  if (options.metrics) {
    instrumentJobs(events, { registry: options.metrics, tasks: new Set(Object.keys(taskList)) });
    registerQueueDepth(options.metrics, pgPool, options.logger);
  }
  let runner: Runner;
  try {
    runner = await run({
      pgPool,
      concurrency: options.concurrency,
      pollInterval: options.pollIntervalMs,
      noHandleSignals: true,
      taskList,
      crontab,
      logger: workerLogger(options.logger),
      events,
    });
  } catch (err) {
    await registration.deregister();
    throw err;
  }
  await registration.written();
  registration.startTimers();
  return {
    runner,
    registration,
    stop: async () => {
      registration.stopTimers();
      await runner.stop();
      if (!(await pgPool.settled())) options.logger.warn('stopped with database writes still in flight');
      await registration.deregister();
    },
  };
}
