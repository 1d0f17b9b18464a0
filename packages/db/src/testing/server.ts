import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { type EmbeddedHandle, startEmbeddedPostgres } from '../embedded.ts';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../..');

/**
 * The PostgreSQL server tests run against: DATABASE_URL when set (CI uses this machine's server),
 * otherwise an embedded one with its own data folder and port, so tests never touch the dev database.
 */
export async function startTestServer(log?: (message: string) => void): Promise<EmbeddedHandle> {
  const fromEnv = process.env.DATABASE_URL;
  if (fromEnv) return { url: fromEnv, stop: async () => {} };
  return startEmbeddedPostgres({
    dataDir: path.join(repoRoot, '.data', 'postgres-test'),
    port: 54330,
    fast: true,
    ...(log ? { log } : {}),
  });
}

/** Redis for tests when REDIS_URL is set; each test file uses its own key prefix. */
export function testRedisUrl(): string | undefined {
  return process.env.REDIS_URL || undefined;
}
