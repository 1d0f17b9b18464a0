import type { WorkerHost } from './worker-host.ts';

/** A registered worker process as the recovery sweep sees it; the heartbeat age is measured by the database. */
export interface RegisteredWorkerProcess {
  workerProcessId: string;
  hostname: string;
  pidNamespace: string | null;
  pid: number;
  heartbeatAgeMs: number;
}

export type Liveness =
  | { alive: true }
  /** process_gone: same host and pid namespace, and that pid is gone (or is our own). heartbeat_stale: silent too long. */
  | { alive: false; reason: 'process_gone' | 'heartbeat_stale' };

/**
 * Whether another registered worker process is dead, so its job locks may be released. Errs towards
 * "alive": releasing a live process's locks would let a second worker run the same job at the same time,
 * while keeping a dead one's locks only delays its jobs until its heartbeat goes stale.
 *
 * - Same hostname and pid namespace: the pid is meaningful here. If it is our own pid, that process is
 *   gone (we hold the pid now: a restarted container); if probing it says "no such process", it is gone.
 *   A pid that exists may be a reused one, so it proves nothing and the heartbeat decides.
 * - Anywhere: a heartbeat older than `staleAfterMs` means the process is gone (or cut off from the
 *   database for that long, in which case its jobs are no longer safely its own; every task is
 *   idempotent, SPEC §6).
 */
export function judgeWorkerProcess(
  other: RegisteredWorkerProcess,
  self: WorkerHost,
  staleAfterMs: number,
  pidExists: (pid: number) => boolean,
): Liveness {
  const sameNamespace = other.hostname === self.hostname && other.pidNamespace === self.pidNamespace;
  if (sameNamespace && (other.pid === self.pid || !pidExists(other.pid))) {
    return { alive: false, reason: 'process_gone' };
  }
  if (other.heartbeatAgeMs > staleAfterMs) return { alive: false, reason: 'heartbeat_stale' };
  return { alive: true };
}
