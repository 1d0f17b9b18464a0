import { checkHealth, type Deps } from '@stayhub/api/runtime';

export interface Readiness {
  ready: boolean;
  database: boolean;
  cache: boolean;
}

/**
 * Ready when Postgres answers. The cache is reported, not required: without Redis every request still
 * works (cache misses, in-process limits; SPEC §2 "Nothing breaks without Redis"), and since all servers
 * share one Redis, failing readiness on it would take every server out of the load balancer at once and
 * turn a cache outage into a full one. A proxy or an operator reads `cache: false` as degraded.
 */
export async function checkReadiness(deps: Deps): Promise<Readiness> {
  const health = await checkHealth(deps);
  return { ready: health.database, database: health.database, cache: health.cache };
}
