import { checkHealth, type Deps } from '@stayhub/api/runtime';

export interface Readiness {
  ready: boolean;
  database: boolean;
  cache: boolean;
}

/** Ready when Postgres answers and the cache is reachable (SPEC §2). */
export async function checkReadiness(deps: Deps): Promise<Readiness> {
  const health = await checkHealth(deps);
  return { ready: health.status === 'ok', database: health.database, cache: health.cache };
}
