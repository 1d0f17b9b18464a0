import type { Cache } from './cache.ts';

/**
 * No cache at all (CACHE_MEMORY_BYTES=0 without REDIS_URL): every read is a miss and writes are dropped, so
 * every request reads Postgres — what benchmarks measure as "cache disabled", and a way to rule the cache
 * out when chasing a bug. Correct by the Cache contract: callers never depend on a hit.
 */
export class NoCache implements Cache {
  async get<T>(_key: string): Promise<T | undefined> {
    return undefined;
  }

  async set(_key: string, _value: unknown, _ttlSeconds: number): Promise<void> {}

  async delete(..._keys: string[]): Promise<void> {}

  async ping(): Promise<boolean> {
    return true;
  }

  async close(): Promise<void> {}
}
