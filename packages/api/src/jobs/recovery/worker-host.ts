import { readlinkSync } from 'node:fs';
import { hostname } from 'node:os';

/**
 * Where a worker process runs, as far as another process can check it: a pid only means something inside
 * the pid namespace it was taken in, so two processes may probe each other's pids only when both the
 * hostname and the pid namespace match (two containers that share a hostname do not share pids).
 */
export interface WorkerHost {
  hostname: string;
  /** `pid:[4026531836]` on Linux; null where the platform does not expose it (then the hostname decides). */
  pidNamespace: string | null;
  pid: number;
}

function pidNamespace(): string | null {
  try {
    return readlinkSync('/proc/self/ns/pid');
  } catch {
    return null;
  }
}

export function currentWorkerHost(): WorkerHost {
  return { hostname: hostname(), pidNamespace: pidNamespace(), pid: process.pid };
}

/**
 * Whether a process with this pid exists in our pid namespace. Signal 0 checks without signalling: ESRCH
 * means no such process; EPERM means it exists but belongs to someone else (alive, as far as we can tell).
 */
export function pidExists(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return !(error instanceof Error && 'code' in error && error.code === 'ESRCH');
  }
}
