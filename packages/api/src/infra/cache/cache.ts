/**
 * A JSON cache for hot reads and session lookups (SPEC §2: Redis when REDIS_URL is set, in-process
 * otherwise). Postgres is always the truth: every caller must work when the cache forgets, and a cache
 * that cannot be reached behaves as a miss (get → undefined, writes ignored) after logging a warning,
 * never as an error the user sees.
 */
export interface Cache {
  get<T>(key: string): Promise<T | undefined>;
  set(key: string, value: unknown, ttlSeconds: number): Promise<void>;
  delete(...keys: string[]): Promise<void>;
  /** Reachable right now (for /readyz). The in-process cache always is. */
  ping(): Promise<boolean>;
  close(): Promise<void>;
}
