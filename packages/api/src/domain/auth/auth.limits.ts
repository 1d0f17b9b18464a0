import type { RateLimiter, RateLimitRule } from '../../infra/limiter/limiter.ts';
import { RateLimitedError } from '../errors.ts';

/**
 * Counts one hit of each rule for its subject, in order, and refuses with RATE_LIMITED at the first
 * rule over its limit (later rules are then not counted). Call it before any expensive work.
 */
export async function enforceRateLimits(
  limiter: RateLimiter,
  checks: ReadonlyArray<readonly [RateLimitRule, string]>,
): Promise<void> {
  for (const [rule, subject] of checks) {
    const result = await limiter.consume(rule, subject);
    if (!result.allowed) throw new RateLimitedError(result.retryAfterMs);
  }
}
