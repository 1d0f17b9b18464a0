import type { DB } from '@stayhub/db';
import type { Redis } from 'ioredis';
import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import type { CacheMetrics } from '../metrics/cache-metrics.ts';
import type { Cache } from './cache.ts';
import { postgresCacheEpochs } from './cache-epoch.ts';
import { MemoryCache } from './memory-cache.ts';
import { MeteredCache } from './metered-cache.ts';
import { NearCache } from './near-cache.ts';
import { NoCache } from './no-cache.ts';
import { RedisCache } from './redis-cache.ts';

/** 64 MiB: the in-process cache's default size (CACHE_MEMORY_BYTES). */
export const DEFAULT_CACHE_MEMORY_BYTES = 64 * 1024 * 1024;

export interface CreateCacheOptions {
  /** Present when REDIS_URL is set (SPEC §2); otherwise the cache lives in this process. */
  redis?: Redis | undefined;
  /** Key namespace in Redis, e.g. 'stayhub:'. */
  prefix: string;
  logger: Logger;
  /** Where the Redis cache's epoch is kept (cache-epoch.ts); the in-process cache needs none. */
  db: Kysely<DB>;
  /**
   * Size of the in-process cache, in UTF-16 code units of keys and JSON (about bytes for ASCII): the whole
   * cache without Redis (0: no cache at all), the near tier in front of it with Redis (0: no near tier).
   */
  memoryBytes?: number | undefined;
  /** Counts reads by kind of key and result (`/metrics`); none when absent. */
  metrics?: CacheMetrics | undefined;
}

export function createCache({
  redis,
  prefix,
  logger,
  db,
  memoryBytes = DEFAULT_CACHE_MEMORY_BYTES,
  metrics,
}: CreateCacheOptions): Cache {
  const near =
    redis && memoryBytes > 0
      ? new NearCache({
          // Subscribed connections can only listen: invalidations need one of their own.
          subscriber: redis.duplicate(),
          channel: `${prefix}cache:invalidations`,
          maxSize: memoryBytes,
          logger,
          metrics,
        })
      : undefined;
  const cache = redis
    ? new RedisCache({ redis, prefix, logger, epochs: postgresCacheEpochs(db), near })
    : memoryBytes > 0
      ? new MemoryCache({ maxSize: memoryBytes })
      : new NoCache();
  return metrics ? new MeteredCache(cache, metrics) : cache;
}
