import type { DB } from '@stayhub/db';
import type { Redis } from 'ioredis';
import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import type { CacheMetrics } from '../metrics/cache-metrics.ts';
import type { Cache } from './cache.ts';
import { postgresCacheEpochs } from './cache-epoch.ts';
import { MemoryCache } from './memory-cache.ts';
import { MeteredCache } from './metered-cache.ts';
import { RedisCache } from './redis-cache.ts';

export interface CreateCacheOptions {
  /** Present when REDIS_URL is set (SPEC §2); otherwise the cache lives in this process. */
  redis?: Redis | undefined;
  /** Key namespace in Redis, e.g. 'stayhub:'. */
  prefix: string;
  logger: Logger;
  /** Where the Redis cache's epoch is kept (cache-epoch.ts); the in-process cache needs none. */
  db: Kysely<DB>;
  /** Entry limit of the in-process cache. */
  maxEntries?: number | undefined;
  /** Counts reads by kind of key and result (`/metrics`); none when absent. */
  metrics?: CacheMetrics | undefined;
}

export function createCache({ redis, prefix, logger, db, maxEntries, metrics }: CreateCacheOptions): Cache {
  const cache = redis
    ? new RedisCache({ redis, prefix, logger, epochs: postgresCacheEpochs(db) })
    : new MemoryCache({ maxEntries });
  return metrics ? new MeteredCache(cache, metrics) : cache;
}
