import type { WorkerEvents } from 'graphile-worker';
import type pg from 'pg';
import type { Logger } from 'pino';
import { Counter, Gauge, Histogram, type Registry } from 'prom-client';

/** A task name the worker does not run (it never takes one): kept out of the labels all the same. */
const OTHER_TASK = 'other';

/** Buckets from 10 ms to an hour: jobs run at once when enqueued, or minutes late when workers fall behind. */
const QUEUE_DELAY_BUCKETS = [0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300, 900, 3600];
/** Buckets from 5 ms to 2 minutes: an email send, a payment call, a sweep. */
const DURATION_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120];

/**
 * Job series from graphile-worker's events (SPEC §11), labelled by task name — one of the task list's,
 * so bounded; never a job id, key or payload:
 * - `stayhub_jobs_total{task, outcome="success|failure"}`: attempts finished (a failed attempt that will be
 *   retried counts as a failure; its retry counts again);
 * - `stayhub_job_queue_delay_seconds{task}`: from the job's run_at to a worker starting it (for a retry,
 *   from the retry's run_at), 0 when the database clock is ahead;
 * - `stayhub_job_duration_seconds{task}`: from start to end of an attempt.
 */
export function instrumentJobs(
  events: WorkerEvents,
  options: { registry: Registry; tasks: ReadonlySet<string> },
): void {
  const { registry, tasks } = options;
  const jobs = new Counter({
    name: 'stayhub_jobs_total',
    help: 'Job attempts finished, by task and outcome.',
    labelNames: ['task', 'outcome'] as const,
    registers: [registry],
  });
  const queueDelay = new Histogram({
    name: 'stayhub_job_queue_delay_seconds',
    help: "Time from a job's run_at to a worker starting it, by task.",
    labelNames: ['task'] as const,
    buckets: QUEUE_DELAY_BUCKETS,
    registers: [registry],
  });
  const duration = new Histogram({
    name: 'stayhub_job_duration_seconds',
    help: 'Time from start to end of a job attempt, by task.',
    labelNames: ['task'] as const,
    buckets: DURATION_BUCKETS,
    registers: [registry],
  });
  const taskLabel = (identifier: string) => (tasks.has(identifier) ? identifier : OTHER_TASK);
  // Start times of the attempts running in this process, by job id.
  const started = new Map<string, bigint>();
  events.on('job:start', ({ job }) => {
    started.set(job.id, process.hrtime.bigint());
    const delayMs = Date.now() - job.run_at.getTime();
    queueDelay.labels(taskLabel(job.task_identifier)).observe(Math.max(0, delayMs) / 1_000);
  });
  events.on('job:complete', ({ job, error }) => {
    const task = taskLabel(job.task_identifier);
    jobs.labels(task, error ? 'failure' : 'success').inc();
    const start = started.get(job.id);
    if (start === undefined) return;
    started.delete(job.id);
    duration.labels(task).observe(Number(process.hrtime.bigint() - start) / 1e9);
  });
}

/** How long a scrape waits for the queue depth before answering without a fresh figure. */
const QUEUE_DEPTH_TIMEOUT_MS = 1_000;

/** Jobs a worker could take now: due, not locked, attempts left. Read through graphile-worker's public view. */
const QUEUE_DEPTH_SQL = `select count(*) as depth from graphile_worker.jobs
  where run_at <= now() and locked_at is null and attempts < max_attempts`;

/**
 * `stayhub_job_queue_depth`: jobs ready to run, read from PostgreSQL at scrape time. The read is given
 * QUEUE_DEPTH_TIMEOUT_MS; when it fails or is late the scrape still answers, the gauge keeps its last
 * value and `stayhub_job_queue_depth_errors_total` counts the miss (alert on it rising, since the gauge
 * is then stale).
 */
export function registerQueueDepth(registry: Registry, pool: pg.Pool, logger: Logger): void {
  // The scrape runs every collect() at once; the error counter waits for this scrape's read, so a miss
  // shows in the same scrape rather than the next.
  let reading: Promise<void> = Promise.resolve();
  const depth = new Gauge({
    name: 'stayhub_job_queue_depth',
    help: 'Jobs ready to run: due, not locked and with attempts left.',
    registers: [registry],
    collect() {
      reading = readQueueDepth(depth, errors, pool, logger);
      return reading;
    },
  });
  const errors = new Counter({
    name: 'stayhub_job_queue_depth_errors_total',
    help: 'Scrapes whose queue depth read failed or timed out (stayhub_job_queue_depth is then stale).',
    registers: [registry],
    collect: () => reading,
  });
}

async function readQueueDepth(depth: Gauge, errors: Counter, pool: pg.Pool, logger: Logger): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new Error('queue depth read timed out')), QUEUE_DEPTH_TIMEOUT_MS);
  });
  try {
    const result = await Promise.race([pool.query<{ depth: number }>(QUEUE_DEPTH_SQL), late]);
    depth.set(Number(result.rows[0]?.depth ?? 0));
  } catch (err) {
    errors.inc();
    logger.warn({ err }, 'could not read the job queue depth for /metrics');
  } finally {
    clearTimeout(timer);
  }
}
