import type { Redis } from 'ioredis';
import { RateLimiterMemory, RateLimiterRedis } from 'rate-limiter-flexible';
import type { RateLimiter } from './limiter.ts';
import { PerRuleLimiter } from './per-rule-limiter.ts';

export interface RedisRateLimiterOptions {
  /** Shared with the cache; owned (and quit) by whoever created it. */
  redis: Redis;
  /** Namespace for every key, e.g. 'stayhub:'; counters live at `${prefix}rl:${rule}:${subject}`. */
  prefix: string;
}

/**
 * Fixed windows counted in Redis, so every server process shares them (SPEC §7). Each rule's Redis
 * limiter has an in-process insurance limiter with the same limits: while Redis cannot be reached
 * (`rejectIfRedisNotReady`: no command is even attempted), hits are counted per process instead of
 * failing the request or letting everything through.
 */
export function createRedisRateLimiter({ redis, prefix }: RedisRateLimiterOptions): RateLimiter {
  return new PerRuleLimiter((rule) => {
    const limits = {
      keyPrefix: `${prefix}rl:${rule.name}`,
      points: rule.points,
      duration: rule.durationSeconds,
    };
    const insurance = new RateLimiterMemory(limits);
    const primary = new RateLimiterRedis({
      ...limits,
      storeClient: redis,
      // ioredis, not node-redis: rate-limiter-flexible's ioredis code path (its default).
      useRedisPackage: false,
      rejectIfRedisNotReady: true,
      insuranceLimiter: insurance,
    });
    return { primary, alsoReset: [insurance] };
  });
}
