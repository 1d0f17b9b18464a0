import type { Redis } from 'ioredis';
import type { Logger } from 'pino';
import type { RateLimiter } from './limiter.ts';
import { createMemoryRateLimiter } from './memory-limiter.ts';
import { createRedisRateLimiter } from './redis-limiter.ts';

export interface CreateRateLimiterOptions {
  /** Present when REDIS_URL is set (SPEC §2); otherwise limits are counted in this process. */
  redis?: Redis | undefined;
  /** Key namespace in Redis, e.g. 'stayhub:'. */
  prefix: string;
  logger: Logger;
}

export function createRateLimiter({ redis, prefix, logger }: CreateRateLimiterOptions): RateLimiter {
  if (redis) return createRedisRateLimiter({ redis, prefix });
  logger.debug('rate limits are counted in this process (no REDIS_URL)');
  return createMemoryRateLimiter();
}
