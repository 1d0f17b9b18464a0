import { sql } from 'kysely';
import type { Deps } from '../deps.ts';

export interface Health {
  status: 'ok' | 'degraded';
  database: boolean;
  cache: boolean;
  time: Date;
}

/** A database that does not answer is a degraded health, not an error; why it did not answer goes to the log. */
async function databaseReachable(deps: Pick<Deps, 'db' | 'logger'>): Promise<boolean> {
  try {
    await sql`select 1`.execute(deps.db);
    return true;
  } catch (err) {
    deps.logger.warn({ err }, 'health check: the database did not answer');
    return false;
  }
}

/** Health: `ok` when Postgres answers and the cache is reachable, `degraded` otherwise (the `health` procedure). */
export async function checkHealth(deps: Pick<Deps, 'db' | 'cache' | 'clock' | 'logger'>): Promise<Health> {
  const [database, cache] = await Promise.all([databaseReachable(deps), deps.cache.ping()]);
  return { status: database && cache ? 'ok' : 'degraded', database, cache, time: deps.clock.now() };
}
