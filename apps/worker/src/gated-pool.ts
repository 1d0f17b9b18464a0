import { type PoolOptions, typeParsers } from '@stayhub/db';
import type { PostgresPool } from 'kysely';
import pg from 'pg';

type ConnectCallback = (
  err: Error | undefined,
  client: pg.PoolClient | undefined,
  done: (release?: unknown) => void,
) => void;

/**
 * The worker process's one pool (STYLE "Jobs"), shared by graphile-worker and the services its tasks call,
 * with a gate on handing out connections. graphile-worker creates its pool id
 * (the id it writes into jobs.locked_by) inside run() and its workers start taking jobs at once; closing
 * the gate on 'pool:create' until that id is in the worker registry means no job is ever locked under an
 * id the registry does not know, so even a crash on the very first job is recoverable. pg's own
 * `pool.query` goes through `connect(callback)`, so both forms wait.
 */
export class GatedPool extends pg.Pool {
  #gate: Promise<void> = Promise.resolve();

  constructor(options: Required<PoolOptions>) {
    super({
      connectionString: options.connectionString,
      max: options.max,
      application_name: options.applicationName,
      types: typeParsers,
      idleTimeoutMillis: 30_000,
    });
    // Without a listener, one failed idle connection would crash the process.
    this.on('error', options.onError);
    this.on('connect', (client) => client.on('error', options.onError));
  }

  /** Connections wait until `opened` settles (it must never reject). */
  holdUntil(opened: Promise<void>): void {
    this.#gate = opened;
  }

  /**
   * The same connections past the gate, for the worker registry: the gate waits on the registry's write,
   * so that write must not wait on the gate. Ending it is a no-op; whoever owns the pool ends the pool.
   */
  readonly ungated: PostgresPool = {
    connect: () => super.connect(),
    end: async () => {},
  };

  /**
   * Resolves true once no connection is checked out or waited for, false after `timeoutMs`. graphile-worker
   * 0.17 does not await a job's completion write (it deletes the job row after the task resolved), so its
   * runner's stop() can resolve with that write still in flight; waiting here keeps a clean stop from
   * deregistering, and the pool from ending, before the job is gone — or it would run again after a restart.
   */
  async settled(timeoutMs = 5_000): Promise<boolean> {
    const deadline = Date.now() + timeoutMs;
    while (this.totalCount - this.idleCount + this.waitingCount > 0) {
      if (Date.now() > deadline) return false;
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    return true;
  }

  override connect(): Promise<pg.PoolClient>;
  override connect(callback: ConnectCallback): void;
  override connect(callback?: ConnectCallback): Promise<pg.PoolClient> | undefined {
    if (callback === undefined) return this.#gate.then(() => super.connect());
    void this.#gate.then(() => super.connect(callback));
    return undefined;
  }
}
