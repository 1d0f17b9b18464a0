import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defaultEmbeddedDataDir, startEmbeddedPostgres } from '../embedded.ts';

/** The monorepo root (the embedded dev server keeps its data under `<root>/.data/postgres`). */
export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../..');

export interface DatabaseServer {
  url: string;
  /** Stops the embedded server if this process started it; a no-op for DATABASE_URL. */
  stop(): Promise<void>;
}

/**
 * The one place the CLIs read the environment: DATABASE_URL when set, otherwise the embedded dev
 * server (the same data folder and port the app uses, SPEC §2), started if it is not running yet.
 */
export async function databaseFromEnv(log: (line: string) => void = () => {}): Promise<DatabaseServer> {
  const url = process.env.DATABASE_URL?.trim();
  if (url) return { url, stop: async () => {} };
  log('DATABASE_URL is unset: using the embedded PostgreSQL');
  return startEmbeddedPostgres({ dataDir: defaultEmbeddedDataDir(repoRoot) });
}
