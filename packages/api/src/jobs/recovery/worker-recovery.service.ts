import { type Executor, inTransaction } from '@stayhub/db';
import { currentWorkerHost, pidExists, type WorkerHost } from './worker-host.ts';
import { judgeWorkerProcess } from './worker-liveness.rules.ts';
import {
  countLockedJobs,
  deleteWorkerProcesses,
  forceUnlockWorkers,
  lockOtherWorkerProcesses,
} from './worker-registry.queries.ts';

/** A worker process's heartbeat older than this marks it dead (four missed 15 s heartbeats). */
export const DEFAULT_STALE_AFTER_MS = 60_000;

export interface RecoveryOptions {
  /** The sweeping process: never judged, and the host its pid probes are valid on. */
  selfWorkerProcessId: string;
  self?: WorkerHost;
  staleAfterMs?: number;
  pidExists?: (pid: number) => boolean;
}

export interface RecoveredWorkerProcess {
  workerProcessId: string;
  reason: 'process_gone' | 'heartbeat_stale';
  workerIds: string[];
  /** Jobs that were still locked by the dead process and are now free to run (named queues are freed too). */
  releasedLocks: number;
}

/**
 * Releases the job locks of dead worker processes and forgets them (README "Jobs and workers"). Without
 * this, a job locked by a worker that crashed waits for graphile-worker's own 4-hour lock timeout.
 * One transaction: the registry rows are locked, judged, deleted, and their ids unlocked together, so a
 * process is never half-recovered and two sweeps never recover the same process twice.
 */
export function recoverDeadWorkerProcesses(
  db: Executor,
  options: RecoveryOptions,
): Promise<RecoveredWorkerProcess[]> {
  const self = options.self ?? currentWorkerHost();
  const staleAfterMs = options.staleAfterMs ?? DEFAULT_STALE_AFTER_MS;
  const probe = options.pidExists ?? pidExists;
  return inTransaction(db, async (trx) => {
    const others = await lockOtherWorkerProcesses(trx, options.selfWorkerProcessId);
    const dead = new Map<string, RecoveredWorkerProcess['reason']>();
    for (const other of others) {
      const liveness = judgeWorkerProcess(other, self, staleAfterMs, probe);
      if (!liveness.alive) dead.set(other.workerProcessId, liveness.reason);
    }
    const deleted = await deleteWorkerProcesses(trx, [...dead.keys()]);
    const recovered: RecoveredWorkerProcess[] = [];
    for (const row of deleted) {
      const releasedLocks = await countLockedJobs(trx, row.worker_ids);
      await forceUnlockWorkers(trx, row.worker_ids);
      recovered.push({
        workerProcessId: row.worker_process_id,
        reason: dead.get(row.worker_process_id) ?? 'heartbeat_stale',
        workerIds: row.worker_ids,
        releasedLocks,
      });
    }
    return recovered;
  });
}
