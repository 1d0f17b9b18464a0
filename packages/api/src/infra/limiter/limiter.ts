/**
 * Fixed-window rate limits counted in Redis (or in-process without it), checked before any expensive
 * work such as password hashing (SPEC §7). When Redis cannot be reached the limiter falls back to
 * in-process counting rather than failing the request or letting everything through.
 */
export interface RateLimitRule {
  /** Stable name, part of the key: 'login:ip'. */
  name: string;
  points: number;
  durationSeconds: number;
}

export type RateLimitResult = { allowed: true; remaining: number } | { allowed: false; retryAfterMs: number };

export interface RateLimiter {
  /** Counts one hit of `rule` for `subject` (an IP, a normalised email…). */
  consume(rule: RateLimitRule, subject: string): Promise<RateLimitResult>;
  /** Forgets `subject`'s hits of `rule` (e.g. after a successful login). */
  reset(rule: RateLimitRule, subject: string): Promise<void>;
}
