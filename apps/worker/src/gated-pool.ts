import { typeParsers } from '@stayhub/db';
import pg from 'pg';

type ConnectCallback = (
  err: Error | undefined,
  client: pg.PoolClient | undefined,
  done: (release?: unknown) => void,
) => void;

/**
 * graphile-worker's pool, with a gate on handing out connections. graphile-worker creates its pool id
 * (the id it writes into jobs.locked_by) inside run() and its workers start taking jobs at once; closing
 * the gate on 'pool:create' until that id is in the worker registry means no job is ever locked under an
 * id the registry does not know, so even a crash on the very first job is recoverable. pg's own
 * `pool.query` goes through `connect(callback)`, so both forms wait.
 */
export class GatedPool extends pg.Pool {
  #gate: Promise<void> = Promise.resolve();

  constructor(options: {
    connectionString: string;
    max: number;
    applicationName: string;
    onError: (err: Error) => void;
  }) {
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

  override connect(): Promise<pg.PoolClient>;
  override connect(callback: ConnectCallback): void;
  override connect(callback?: ConnectCallback): Promise<pg.PoolClient> | undefined {
    if (callback === undefined) return this.#gate.then(() => super.connect());
    void this.#gate.then(() => super.connect(callback));
    return undefined;
  }
}
