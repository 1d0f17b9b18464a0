import type { CacheMetrics } from '../metrics/cache-metrics.ts';
import type { Cache } from './cache.ts';

/**
 * Either cache, counting its reads (`stayhub_cache_requests_total`): a hit when `get` returns a value, a
 * miss otherwise — including the reads an unreachable Redis answers with a miss, so an outage shows as
 * the hit ratio falling to zero.
 */
export class MeteredCache implements Cache {
  readonly #inner: Cache;
  readonly #metrics: CacheMetrics;

  constructor(inner: Cache, metrics: CacheMetrics) {
    this.#inner = inner;
    this.#metrics = metrics;
  }

  async get<T>(key: string): Promise<T | undefined> {
    const value = await this.#inner.get<T>(key);
    this.#metrics.read(key, value !== undefined);
    return value;
  }

  set(key: string, value: unknown, ttlSeconds: number): Promise<void> {
    return this.#inner.set(key, value, ttlSeconds);
  }

  delete(...keys: string[]): Promise<void> {
    return this.#inner.delete(...keys);
  }

  ping(): Promise<boolean> {
    return this.#inner.ping();
  }

  close(): Promise<void> {
    return this.#inner.close();
  }
}
