import { type RateLimiterAbstract, RateLimiterRes } from 'rate-limiter-flexible';
import type { RateLimiter, RateLimitResult, RateLimitRule } from './limiter.ts';

/** The rate-limiter-flexible limiters that count one rule. */
export interface RuleLimiters {
  /** Counts hits. */
  primary: RateLimiterAbstract;
  /** Also forgotten on reset (the Redis limiter's insurance, which counts during outages). */
  alsoReset?: RateLimiterAbstract[];
}

/**
 * A RateLimiter over rate-limiter-flexible: one limiter per rule, built the first time the rule is
 * used and reused after that. Rule names are keys, so two rules sharing a name with different limits
 * would share counters; that is a bug and fails loudly.
 */
export class PerRuleLimiter implements RateLimiter {
  readonly #build: (rule: RateLimitRule) => RuleLimiters;
  readonly #byName = new Map<string, { rule: RateLimitRule; limiters: RuleLimiters }>();

  constructor(build: (rule: RateLimitRule) => RuleLimiters) {
    this.#build = build;
  }

  async consume(rule: RateLimitRule, subject: string): Promise<RateLimitResult> {
    try {
      const res = await this.#limitersFor(rule).primary.consume(subject);
      return { allowed: true, remaining: res.remainingPoints };
    } catch (rejection) {
      // rate-limiter-flexible rejects with a RateLimiterRes when the limit is hit, with an Error otherwise.
      if (rejection instanceof RateLimiterRes) {
        return { allowed: false, retryAfterMs: Math.max(1, rejection.msBeforeNext) };
      }
      throw rejection;
    }
  }

  async reset(rule: RateLimitRule, subject: string): Promise<void> {
    const { primary, alsoReset = [] } = this.#limitersFor(rule);
    await Promise.all([primary, ...alsoReset].map((limiter) => limiter.delete(subject)));
  }

  #limitersFor(rule: RateLimitRule): RuleLimiters {
    const known = this.#byName.get(rule.name);
    if (known) {
      if (known.rule.points !== rule.points || known.rule.durationSeconds !== rule.durationSeconds) {
        throw new Error(`rate limit rule '${rule.name}' is used with two different limits`);
      }
      return known.limiters;
    }
    assertValidRule(rule);
    const limiters = this.#build(rule);
    this.#byName.set(rule.name, { rule: { ...rule }, limiters });
    return limiters;
  }
}

function assertValidRule({ name, points, durationSeconds }: RateLimitRule): void {
  // Redis windows are whole seconds; a fractional or zero duration would never expire there.
  if (!Number.isInteger(points) || points < 1 || !Number.isInteger(durationSeconds) || durationSeconds < 1) {
    throw new RangeError(`rate limit rule '${name}' needs whole, positive points and durationSeconds`);
  }
}
