import type { Executor } from '@stayhub/db';
import { sql } from 'kysely';
import { type JobName, type JobPayload, jobCatalog } from './catalog.ts';

export interface EnqueueOptions {
  runAt?: Date;
  /** One pending job per key: a second add with the same key replaces the first (per-booking timers). */
  jobKey?: string;
  jobKeyMode?: 'replace' | 'preserve_run_at' | 'unsafe_dedupe';
  maxAttempts?: number;
  queueName?: string;
  priority?: number;
}

/**
 * Queues a job with SQL `graphile_worker.add_job` on the caller's executor — pass the transaction of the
 * change that causes the job, so the job exists if and only if that change commits (SPEC §6).
 */
export async function enqueue<N extends JobName>(
  executor: Executor,
  name: N,
  payload: JobPayload<N>,
  options: EnqueueOptions = {},
): Promise<void> {
  const parsed = jobCatalog[name].parse(payload);
  await sql`
    select graphile_worker.add_job(
      identifier => ${name}::text,
      payload => ${JSON.stringify(parsed)}::json,
      queue_name => ${options.queueName ?? null}::text,
      run_at => ${options.runAt ?? null}::timestamptz,
      max_attempts => ${options.maxAttempts ?? null}::int,
      job_key => ${options.jobKey ?? null}::text,
      priority => ${options.priority ?? null}::int,
      job_key_mode => ${options.jobKeyMode ?? null}::text
    )`.execute(executor);
}
