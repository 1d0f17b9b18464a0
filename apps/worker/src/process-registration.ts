import type { Deps } from '@stayhub/api/runtime';
import {
  currentWorkerHost,
  DEFAULT_STALE_AFTER_MS,
  deregisterWorkerProcess,
  type RecoveredWorkerProcess,
  type RegistryWrite,
  recordWorkerProcess,
  recoverDeadWorkerProcesses,
  registerWorkerProcess,
  releaseOwnOrphanedJobs,
  type WorkerHost,
} from '@stayhub/api/worker';
import type { Logger } from 'pino';

export interface RecoveryTimings {
  /** How often this process proves it is alive. */
  heartbeatIntervalMs: number;
  /** How often this process looks for dead ones (it also looks once at start). */
  sweepIntervalMs: number;
  /** A heartbeat older than this marks a process dead; several heartbeat intervals, so one slow beat is not death. */
  staleAfterMs: number;
  /** How long a lock of our own that no job of ours holds waits before it counts as orphaned. */
  orphanAfterMs: number;
}

export const defaultRecoveryTimings: RecoveryTimings = {
  heartbeatIntervalMs: 15_000,
  sweepIntervalMs: 60_000,
  staleAfterMs: DEFAULT_STALE_AFTER_MS,
  orphanAfterMs: 10_000,
};

/**
 * This process's row in the worker registry and the timers that keep it true (README "Jobs and
 * workers"): registered before graphile-worker starts, told every id graphile-worker locks jobs under,
 * heartbeated, swept for dead peers, deleted on a clean stop. Writes to our own row run one at a time.
 */
export class ProcessRegistration {
  readonly #workerIds = new Set<string>();
  #writes: Promise<void> = Promise.resolve();
  #sweeping: Promise<RecoveredWorkerProcess[]> | null = null;
  #timers: NodeJS.Timeout[] = [];
  #orphanCheck: Promise<void> | null = null;
  #lastOrphanCheck = 0;

  private constructor(
    private readonly db: Deps['db'],
    private readonly logger: Logger,
    private readonly timings: RecoveryTimings,
    private readonly host: WorkerHost,
    readonly workerProcessId: string,
  ) {}

  static async register(
    db: Deps['db'],
    logger: Logger,
    timings: RecoveryTimings,
  ): Promise<ProcessRegistration> {
    const host = currentWorkerHost();
    const id = await registerWorkerProcess(db, host);
    logger.info({ workerProcessId: id, hostname: host.hostname, pid: host.pid }, 'worker process registered');
    return new ProcessRegistration(db, logger, timings, host, id);
  }

  get workerIds(): string[] {
    return [...this.#workerIds];
  }

  /**
   * Called from graphile-worker's creation events (synchronous), so the write is queued; the promise
   * settles (never rejects) once it has been attempted.
   */
  addWorkerId(id: string): Promise<void> {
    if (!this.#workerIds.has(id)) {
      this.#workerIds.add(id);
      this.#write('record worker ids');
    }
    return this.#writes;
  }

  /** Settles (never rejects) once every write queued so far has been attempted. */
  written(): Promise<void> {
    return this.#writes;
  }

  /** Releases the locks of dead worker processes; one sweep at a time per process. */
  sweep(): Promise<RecoveredWorkerProcess[]> {
    this.#sweeping ??= recoverDeadWorkerProcesses(this.db, {
      selfWorkerProcessId: this.workerProcessId,
      self: this.host,
      staleAfterMs: this.timings.staleAfterMs,
    })
      .then((recovered) => {
        for (const dead of recovered) {
          this.logger.warn(dead, 'released the job locks of a dead worker process');
        }
        return recovered;
      })
      .finally(() => {
        this.#sweeping = null;
      });
    return this.#sweeping;
  }

  /**
   * Releases jobs locked under our own ids that none of our workers is running (`runningJobIds`): after a
   * database blip a lock can outlive the answer that carried its job, and graphile-worker would keep it for
   * 4 hours. Called when a worker finds nothing to do; at most once per orphanAfterMs, one at a time.
   */
  releaseOrphans(runningJobIds: readonly string[]): void {
    const now = Date.now();
    if (this.#orphanCheck || now - this.#lastOrphanCheck < this.timings.orphanAfterMs) return;
    this.#lastOrphanCheck = now;
    this.#orphanCheck = releaseOwnOrphanedJobs(this.db, {
      workerIds: this.workerIds,
      runningJobIds: [...runningJobIds],
      lockedForSeconds: this.timings.orphanAfterMs / 1_000,
    })
      .then((released) => {
        if (released.length > 0)
          this.logger.warn({ jobIds: released }, 'released jobs this process had locked but was not running');
      })
      .catch((err: unknown) => this.logger.warn({ err }, 'orphaned lock check failed'))
      .finally(() => {
        this.#orphanCheck = null;
      });
  }

  startTimers(): void {
    const heartbeat = setInterval(() => this.#write('heartbeat'), this.timings.heartbeatIntervalMs);
    const sweep = setInterval(() => {
      this.sweep().catch((err: unknown) => this.logger.warn({ err }, 'worker recovery sweep failed'));
    }, this.timings.sweepIntervalMs);
    // The runner keeps the process alive while it runs; these timers must not keep it alive after.
    heartbeat.unref();
    sweep.unref();
    this.#timers = [heartbeat, sweep];
  }

  stopTimers(): void {
    for (const timer of this.#timers) clearInterval(timer);
    this.#timers = [];
  }

  /** After graphile-worker has stopped: no job is locked under our ids any more, so the row can go. */
  async deregister(): Promise<void> {
    this.stopTimers();
    await this.#writes;
    // Only waits for a running sweep to settle: whoever started it reports its failure (startWorker throws
    // it, the sweep timer logs it), so it is neither reported twice nor thrown from a clean stop.
    if (this.#sweeping) await Promise.allSettled([this.#sweeping]);
    await this.#orphanCheck;
    await deregisterWorkerProcess(this.db, this.workerProcessId);
    this.logger.info({ workerProcessId: this.workerProcessId }, 'worker process deregistered');
  }

  /** Heartbeat and the current lock ids, one write at a time; a failure is logged and the next write repairs it. */
  #write(what: string): void {
    const write = (): Promise<RegistryWrite> =>
      recordWorkerProcess(this.db, this.workerProcessId, this.host, this.workerIds);
    this.#writes = this.#writes.then(write).then(
      (result) => {
        if (result === 're-registered') {
          // Our row was deleted: a peer saw no heartbeat for staleAfterMs and released our locks, so a job
          // running here may also be running elsewhere (tasks are idempotent, SPEC §6). Carry on, registered.
          this.logger.error(
            { workerProcessId: this.workerProcessId },
            'this worker process was judged dead by a peer and has registered again',
          );
        }
      },
      (err: unknown) => this.logger.warn({ err, what }, 'worker registry write failed'),
    );
  }
}
