import { RateLimiterMemory } from 'rate-limiter-flexible';
import type { RateLimiter } from './limiter.ts';
import { PerRuleLimiter } from './per-rule-limiter.ts';

/** Fixed windows counted in this process: REDIS_URL unset (SPEC §2), or one process of several. */
export function createMemoryRateLimiter(): RateLimiter {
  return new PerRuleLimiter((rule) => ({
    primary: new RateLimiterMemory({
      keyPrefix: rule.name,
      points: rule.points,
      duration: rule.durationSeconds,
    }),
  }));
}
