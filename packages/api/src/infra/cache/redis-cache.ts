import type { Redis } from 'ioredis';
import type { Logger } from 'pino';
import type { Cache } from './cache.ts';
import { decodeEntry, encodeEntry } from './cache-entry.ts';

export interface RedisCacheOptions {
  /** Shared with the rate limiter; owned (and quit) by whoever created it. */
  redis: Redis;
  /** Namespace for every key, e.g. 'stayhub:'; the cache adds 'cache:' after it. */
  prefix: string;
  logger: Logger;
}

/**
 * The cache on Redis (SPEC §2). Postgres is the truth, so a Redis error is never the user's problem:
 * reads become misses and writes are dropped. During an outage every call fails, so a warning is logged
 * when calls start failing and again whenever the error changes (a second kind of failure is never
 * hidden behind the first); the info line when calls succeed again says how many failed meanwhile.
 */
export class RedisCache implements Cache {
  readonly #redis: Redis;
  readonly #namespace: string;
  readonly #logger: Logger;
  /** While calls fail: the last error message logged and how many calls have failed. */
  #outage: { message: string; failedCalls: number; since: number } | null = null;

  constructor({ redis, prefix, logger }: RedisCacheOptions) {
    this.#redis = redis;
    this.#namespace = `${prefix}cache:`;
    this.#logger = logger;
  }

  async get<T>(key: string): Promise<T | undefined> {
    let json: string | null;
    try {
      json = await this.#redis.get(this.#key(key));
    } catch (error) {
      this.#failed('get', error);
      return undefined;
    }
    this.#succeeded();
    if (json === null) return undefined;
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
    try {
      await this.#redis.set(this.#key(key), entry.json, 'EX', entry.ttlSeconds);
      this.#succeeded();
    } catch (error) {
      this.#failed('set', error);
    }
  }

  async delete(...keys: string[]): Promise<void> {
    if (keys.length === 0) return;
    try {
      await this.#redis.del(...keys.map((key) => this.#key(key)));
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
  async close(): Promise<void> {}

  #key(key: string): string {
    return this.#namespace + key;
  }

  #failed(operation: string, error: unknown): void {
    const err = errorSummary(error);
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

  #succeeded(): void {
    if (this.#outage === null) return;
    const { failedCalls, since } = this.#outage;
    this.#outage = null;
    this.#logger.info({ failedCalls, outageMs: Date.now() - since }, 'redis cache available again');
  }
}

function errorSummary(error: unknown): { message: string } {
  return { message: error instanceof Error ? error.message : String(error) };
}
