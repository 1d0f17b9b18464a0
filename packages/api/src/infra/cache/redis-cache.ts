import type { Redis } from 'ioredis';
import type { Logger } from 'pino';
import type { Cache } from './cache.ts';
import { decodeEntry, encodeEntry } from './cache-entry.ts';
import type { CacheEpochs } from './cache-epoch.ts';
import type { NearCache } from './near-cache.ts';

export interface RedisCacheOptions {
  /** Shared with the rate limiter; owned (and quit) by whoever created it. */
  redis: Redis;
  /** Namespace for every key, e.g. 'stayhub:'; the cache adds 'cache:<epoch>:' after it. */
  prefix: string;
  logger: Logger;
  /** The cache epoch, kept in Postgres (cache-epoch.ts). */
  epochs: CacheEpochs;
  /** How often the epoch is re-read, so a bump by another process is seen (default 1 s). */
  epochPollMs?: number;
  /** The in-process tier in front of Redis (near-cache.ts); none: every read is a Redis round trip. */
  near?: NearCache | undefined;
}

type PipelineResults = [error: Error | null, result: unknown][] | null;

/** A pipeline's replies, or the first error among them (a pipeline resolves even when a command failed). */
function repliesOf(results: PipelineResults): unknown[] {
  if (results === null) throw new Error('redis pipeline was discarded');
  return results.map(([error, result]) => {
    if (error) throw error;
    return result;
  });
}

/** At most one epoch bump per this interval while calls keep failing. */
const BUMP_INTERVAL_MS = 1_000;

/**
 * The cache on Redis (SPEC §2). Postgres is the truth, so a Redis error is never the user's problem:
 * reads become misses and writes are dropped. During an outage every call fails, so a warning is logged
 * when calls start failing and again whenever the error changes (a second kind of failure is never
 * hidden behind the first); the info line when calls succeed again says how many failed meanwhile.
 *
 * No invalidation is lost. A write that fails may be an invalidation (a new generation token, a deleted
 * session), so it must not be forgotten when Redis answers again, with the data it kept or restored from a
 * snapshot. Every key carries the cache epoch (kept in Postgres, cache-epoch.ts); a failed write bumps it
 * at once (at most once a second while failures go on, so a process that dies mid-outage has still
 * recorded it), and the first success after failures bumps it again before anything is read, so every
 * entry from before and during the outage is retired. Other processes re-read the epoch every second, and
 * at once after failures of their own. A read that is the first success after an outage is not trusted:
 * it answers a miss.
 */
export class RedisCache implements Cache {
  readonly #redis: Redis;
  readonly #namespace: string;
  readonly #logger: Logger;
  readonly #epochs: CacheEpochs;
  /** While calls fail: the last error message logged and how many calls have failed. */
  #outage: { message: string; failedCalls: number; since: number } | null = null;
  /** The epoch keys are written under; null until first read from Postgres. */
  #epoch: number | null = null;
  /** A read or bump of the epoch in flight: cache calls wait for it. */
  #settling: Promise<void> | null = null;
  #lastBump = 0;
  readonly #poll: NodeJS.Timeout;
  readonly #near: NearCache | undefined;

  constructor({ redis, prefix, logger, epochs, epochPollMs = 1_000, near }: RedisCacheOptions) {
    this.#redis = redis;
    this.#near = near;
    this.#namespace = `${prefix}cache:`;
    this.#logger = logger;
    this.#epochs = epochs;
    this.#poll = setInterval(() => {
      if (!this.#settling) this.#settle(() => this.#epochs.read());
    }, epochPollMs);
    this.#poll.unref();
  }

  async get<T>(key: string): Promise<T | undefined> {
    const redisKey = await this.#key(key);
    if (redisKey === undefined) return undefined;
    const near = this.#near;
    const nearJson = near?.get(redisKey);
    if (nearJson !== undefined) return this.#decode<T>(key, nearJson);
    let json: string | null;
    try {
      if (near?.live) {
        // The value and its remaining lifetime in one round trip: the near copy must not outlive it.
        const mark = near.mark();
        const [value, ttlMs] = repliesOf(await this.#redis.pipeline().get(redisKey).pttl(redisKey).exec());
        json = typeof value === 'string' ? value : null;
        if (json !== null && typeof ttlMs === 'number') near.fill(redisKey, json, ttlMs, mark);
      } else {
        json = await this.#redis.get(redisKey);
      }
    } catch (error) {
      this.#failed('get', error);
      return undefined;
    }
    // The first answer after an outage may come from what Redis kept or restored: not trusted.
    if (this.#succeeded()) {
      near?.drop([redisKey]);
      return undefined;
    }
    if (json === null) return undefined;
    return this.#decode<T>(key, json);
  }

  #decode<T>(key: string, json: string): T | undefined {
    try {
      return decodeEntry<T>(json);
    } catch (error) {
      // Written by something else under our namespace; forget it rather than fail the read.
      this.#logger.warn({ key, err: errorSummary(error) }, 'cache entry is not JSON; treating it as a miss');
      return undefined;
    }
  }

  async set(key: string, value: unknown, ttlSeconds: number): Promise<void> {
    const entry = encodeEntry(value, ttlSeconds);
    if (entry === undefined) return this.delete(key);
    const redisKey = await this.#key(key);
    if (redisKey === undefined) return;
    const near = this.#near;
    try {
      if (near) {
        near.drop([redisKey]);
        repliesOf(
          await this.#redis
            .pipeline()
            .set(redisKey, entry.json, 'EX', entry.ttlSeconds)
            .publish(near.channel, near.message([redisKey]))
            .exec(),
        );
        near.put(redisKey, entry.json, entry.ttlSeconds);
      } else {
        await this.#redis.set(redisKey, entry.json, 'EX', entry.ttlSeconds);
      }
      this.#succeeded();
    } catch (error) {
      this.#failed('set', error);
    }
  }

  async delete(...keys: string[]): Promise<void> {
    if (keys.length === 0) return;
    const redisKeys = await Promise.all(keys.map((key) => this.#key(key)));
    const known = redisKeys.filter((key) => key !== undefined);
    if (known.length === 0) return;
    const near = this.#near;
    try {
      if (near) {
        near.drop(known);
        repliesOf(
          await this.#redis
            .pipeline()
            .del(...known)
            .publish(near.channel, near.message(known))
            .exec(),
        );
      } else {
        await this.#redis.del(...known);
      }
      this.#succeeded();
    } catch (error) {
      this.#failed('delete', error);
    }
  }

  async ping(): Promise<boolean> {
    try {
      const reply = await this.#redis.ping();
      this.#succeeded();
      return reply === 'PONG';
    } catch (error) {
      this.#failed('ping', error);
      return false;
    }
  }

  /** The connection is shared with the rate limiter; its creator quits it. */
  async close(): Promise<void> {
    clearInterval(this.#poll);
    await this.#settling;
    await this.#near?.close();
  }

  /** The Redis key of `key` under the current epoch; undefined when the epoch cannot be known (Postgres down). */
  async #key(key: string): Promise<string | undefined> {
    if (this.#epoch === null && !this.#settling) this.#settle(() => this.#epochs.read());
    if (this.#settling) await this.#settling;
    return this.#epoch === null ? undefined : `${this.#namespace}${this.#epoch}:${key}`;
  }

  /** Runs one epoch read or bump at a time; cache calls wait for it. A failure keeps the epoch known so far. */
  #settle(next: () => Promise<number>): void {
    const previous = this.#settling ?? Promise.resolve();
    const settling = previous
      .then(next)
      .then(
        (epoch) => {
          if (this.#epoch !== null && epoch !== this.#epoch) {
            this.#logger.info({ from: this.#epoch, to: epoch }, 'cache epoch changed');
          }
          this.#epoch = epoch;
        },
        (err: unknown) => this.#logger.warn({ err }, 'could not read or bump the cache epoch'),
      )
      .finally(() => {
        if (this.#settling === settling) this.#settling = null;
      });
    this.#settling = settling;
  }

  #bump(): void {
    this.#lastBump = Date.now();
    this.#settle(() => this.#epochs.bump());
  }

  #failed(operation: string, error: unknown): void {
    const err = errorSummary(error);
    // A write that did not land may be an invalidation: retire the cache, durably, before anyone relies on it.
    if (operation !== 'get' && operation !== 'ping' && Date.now() - this.#lastBump >= BUMP_INTERVAL_MS)
      this.#bump();
    if (this.#outage === null) {
      this.#outage = { message: err.message, failedCalls: 1, since: Date.now() };
      this.#logger.warn({ operation, err }, 'redis cache unavailable; serving misses');
      return;
    }
    this.#outage.failedCalls += 1;
    if (err.message === this.#outage.message) return;
    this.#outage.message = err.message;
    this.#logger.warn(
      { operation, err, failedCalls: this.#outage.failedCalls },
      'redis cache still unavailable, with another error',
    );
  }

  /** True when this success ends an outage: the epoch is bumped and the caller must not trust its answer. */
  #succeeded(): boolean {
    if (this.#outage === null) return false;
    const { failedCalls, since } = this.#outage;
    this.#outage = null;
    this.#bump();
    this.#logger.info({ failedCalls, outageMs: Date.now() - since }, 'redis cache available again');
    return true;
  }
}

function errorSummary(error: unknown): { message: string } {
  return { message: error instanceof Error ? error.message : String(error) };
}
