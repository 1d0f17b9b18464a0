import { RETRYABLE_ERROR_CODES } from 'graphile-worker/dist/lib.js';
import type { Logger } from 'pino';

/**
 * A database blip — a failover, a restart, a pooler recycling connections — must cost the worker a few
 * seconds, never its life (README "Jobs and workers").
 *
 * graphile-worker 0.17 retries its own writes (completing and failing jobs, in `withRetries`) only for the
 * SQLSTATEs and network codes in its RETRYABLE_ERROR_CODES table, and a terminated backend (57P01) or a
 * lost socket is not there: the completion of a job that already ran then rejected, unawaited, and the
 * unhandled rejection ended the process with the job done but still locked. Each retry takes a fresh
 * connection from the pool, and the statements retried are single statements that are safe to repeat
 * (deleting a completed job, rescheduling a failed one), so these codes join the table.
 */
const CONNECTION_LOST = { minDelay: 100, maxDelay: 5_000 };
const DATABASE_STARTING = { minDelay: 1_000, maxDelay: 30_000 };

export const connectionLossCodes = {
  '57P01': CONNECTION_LOST, // admin_shutdown: pg_terminate_backend, a fast shutdown
  '57P02': CONNECTION_LOST, // crash_shutdown
  '08000': CONNECTION_LOST, // connection_exception
  '08003': CONNECTION_LOST, // connection_does_not_exist
  '08006': CONNECTION_LOST, // connection_failure
  ECONNRESET: CONNECTION_LOST,
  EPIPE: CONNECTION_LOST,
  ECONNREFUSED: DATABASE_STARTING,
} as const;

/** Idempotent: a code already in the table keeps its delays. */
export function retryAfterConnectionLoss(): void {
  for (const [code, delays] of Object.entries(connectionLossCodes)) RETRYABLE_ERROR_CODES[code] ??= delays;
}

/**
 * The last guard: a rejection nobody awaited (a library's fire-and-forget write that failed even after its
 * retries) is logged, and the worker carries on; it exits only on purpose (SIGTERM/SIGINT, or a startup
 * failure). The job involved stays locked under this process's ids until graphile-worker's own lock
 * timeout, or until a restart lets a peer release it (crash recovery).
 */
export function surviveUnhandledRejections(logger: Logger): void {
  process.on('unhandledRejection', (reason) => {
    logger.error({ err: reason }, 'unhandled rejection; the worker carries on');
  });
}
