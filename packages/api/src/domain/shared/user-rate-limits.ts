import type { RateLimiter, RateLimitRule } from '../../infra/limiter/limiter.ts';
import { RateLimitedError } from '../errors.ts';

/**
 * Per-user rate limits on the writes a person can repeat (SPEC §10): messages (start and send), bookings
 * (create) and reviews (both kinds, one budget). Fixed windows counted in Redis, like the login limits
 * (infra/limiter). The limits are deliberately generous — they stop a runaway script or a stolen session
 * flooding others, never a person: the defaults leave the existing tests and benchmarks (e.g.
 * scripts/bench/bookings.ts, whose first guest books about 1,500 stays in its first minute) unthrottled.
 * Configured by RATE_LIMIT_*_PER_MINUTE (config.ts holds the defaults: 120 messages, 2,000 bookings and 30
 * reviews a minute).
 */
export interface UserRateLimits {
  messages: RateLimitRule;
  bookings: RateLimitRule;
  reviews: RateLimitRule;
}

export type UserRateLimited = keyof UserRateLimits;

/** The rules for these per-minute budgets. Names are Redis key parts and must stay unique. */
export function userRateLimits(perMinute: Record<UserRateLimited, number>): UserRateLimits {
  const rule = (name: string, points: number): RateLimitRule => ({
    name: `user:${name}`,
    points,
    durationSeconds: 60,
  });
  return {
    messages: rule('messages', perMinute.messages),
    bookings: rule('bookings', perMinute.bookings),
    reviews: rule('reviews', perMinute.reviews),
  };
}

/**
 * Counts one `kind` write of the user and refuses with RATE_LIMITED (TOO_MANY_REQUESTS, retry-after) past the
 * budget. Called first in the service, before any read or write, so a refused call changes nothing.
 */
export async function enforceUserRateLimit(
  deps: { limiter: RateLimiter; userRateLimits: UserRateLimits },
  kind: UserRateLimited,
  userId: string,
): Promise<void> {
  const result = await deps.limiter.consume(deps.userRateLimits[kind], userId);
  if (!result.allowed) throw new RateLimitedError(result.retryAfterMs);
}
