import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { type EmbeddedHandle, startEmbeddedPostgres, stopPostgresOf } from '../embedded.ts';
import { otherTestRunsActive } from './template.ts';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../..');

/**
 * The PostgreSQL server tests run against: DATABASE_URL when set (CI uses this machine's server),
 * otherwise an embedded one with its own data folder and port, so tests never touch the dev database.
 * Test runs on one machine share the embedded one; its `stop` stops it only when no other run still uses
 * it (otherTestRunsActive), and then whichever run started it: the last one out leaves nothing running.
 */
export async function startTestServer(log?: (message: string) => void): Promise<EmbeddedHandle> {
  const fromEnv = process.env.DATABASE_URL;
  if (fromEnv) return { url: fromEnv, stop: async () => {} };
  const dataDir = path.join(repoRoot, '.data', 'postgres-test');
  const embedded = await startEmbeddedPostgres({ dataDir, port: 54330, fast: true, ...(log ? { log } : {}) });
  return {
    url: embedded.url,
    stop: async () => {
      if (await otherTestRunsActive(embedded.url)) return;
      await stopPostgresOf(dataDir);
    },
  };
}

/** Redis for tests when REDIS_URL is set; each test file uses its own key prefix. */
export function testRedisUrl(): string | undefined {
  return process.env.REDIS_URL || undefined;
}
