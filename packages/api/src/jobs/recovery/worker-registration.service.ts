import { randomUUID } from 'node:crypto';
import type { Executor } from '@stayhub/db';
import type { WorkerHost } from './worker-host.ts';
import {
  deleteWorkerProcess,
  releaseOrphanedJobs,
  touchWorkerProcess,
  upsertWorkerProcess,
} from './worker-registry.queries.ts';

/**
 * A worker process's row in the registry (README "Jobs and workers"): written at start, before
 * graphile-worker takes any job; the ids graphile-worker locks jobs under are added as it creates them.
 */
export async function registerWorkerProcess(db: Executor, host: WorkerHost): Promise<string> {
  const workerProcessId = randomUUID();
  await upsertWorkerProcess(db, workerProcessId, host, []);
  return workerProcessId;
}

/**
 * 're-registered': the row was gone — a peer saw no heartbeat for too long and released this process's
 * locks — so it is written again, for the jobs still to come.
 */
export type RegistryWrite = 'written' | 're-registered';

/** Heartbeat and lock ids in one write (a new lock id, or every heartbeat interval). */
export async function recordWorkerProcess(
  db: Executor,
  workerProcessId: string,
  host: WorkerHost,
  workerIds: string[],
): Promise<RegistryWrite> {
  if (await touchWorkerProcess(db, workerProcessId, workerIds)) return 'written';
  await upsertWorkerProcess(db, workerProcessId, host, workerIds);
  return 're-registered';
}

/** On a clean stop, after graphile-worker has finished or released every job it held. */
export async function deregisterWorkerProcess(db: Executor, workerProcessId: string): Promise<void> {
  await deleteWorkerProcess(db, workerProcessId);
}

/** A live process's own orphaned locks, released so its peers or itself run the jobs (worker-registry.queries.ts). */
export function releaseOwnOrphanedJobs(
  db: Executor,
  options: { workerIds: string[]; runningJobIds: string[]; lockedForSeconds: number },
): Promise<string[]> {
  return releaseOrphanedJobs(db, options);
}
