import type { Redis } from 'ioredis';
import type { Logger } from 'pino';
import type { Cache } from './cache.ts';
import { MemoryCache } from './memory-cache.ts';
import { RedisCache } from './redis-cache.ts';

export interface CreateCacheOptions {
  /** Present when REDIS_URL is set (SPEC §2); otherwise the cache lives in this process. */
  redis?: Redis | undefined;
  /** Key namespace in Redis, e.g. 'stayhub:'. */
  prefix: string;
  logger: Logger;
  /** Entry limit of the in-process cache. */
  maxEntries?: number | undefined;
}

export function createCache({ redis, prefix, logger, maxEntries }: CreateCacheOptions): Cache {
  if (redis) return new RedisCache({ redis, prefix, logger });
  return new MemoryCache({ maxEntries });
}
