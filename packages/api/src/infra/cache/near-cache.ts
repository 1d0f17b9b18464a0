import { randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';
import { LRUCache } from 'lru-cache';
import type { Logger } from 'pino';
import type { CacheMetrics } from '../metrics/cache-metrics.ts';

/** The longest an entry stays near without being read from Redis again, whatever its Redis lifetime. */
const NEAR_TTL_MS = 60_000;

/**
 * The in-process tier in front of Redis (issue 12: a hot read should not cross the network). It holds the
 * JSON text Redis holds, under the same full key (epoch included, so an epoch bump retires it too), bounded
 * by size in UTF-16 code units rather than entry count: a few large search pages cannot push out thousands
 * of listing views, and memory stays what the operator set.
 *
 * Every write or delete through any process's RedisCache is published on one channel; each process drops
 * the keys it hears about (not its own messages: it has already updated itself). Entries never outlive
 * their Redis TTL. The generation tokens (listing-cache.ts) stay the correctness guard: a view entry is
 * never changed in place, only its generation key is, and that key is what the messages drop.
 *
 * It is trusted only while the subscription is live. When the subscriber connection drops, every near
 * entry is forgotten and reads go to Redis until it is subscribed again — an invalidation sent meanwhile
 * would otherwise be missed. A fill that raced an invalidation (the GET answered, but a message arrived
 * while it was in flight) is not kept.
 */
export class NearCache {
  readonly #entries: LRUCache<string, string>;
  readonly #subscriber: Redis;
  readonly #channel: string;
  readonly #origin = randomUUID();
  readonly #logger: Logger;
  readonly #metrics: CacheMetrics | undefined;
  #live = false;
  /** Bumped by every invalidation heard; a fill started before a bump is dropped. */
  #heard = 0;

  constructor(options: {
    subscriber: Redis;
    channel: string;
    maxSize: number;
    logger: Logger;
    metrics?: CacheMetrics | undefined;
  }) {
    this.#subscriber = options.subscriber;
    this.#metrics = options.metrics;
    this.#channel = options.channel;
    this.#logger = options.logger;
    this.#entries = new LRUCache<string, string>({
      maxSize: options.maxSize,
      sizeCalculation: (value, key) => value.length + key.length,
      ttlAutopurge: false,
    });
    this.#subscriber.on('message', (channel: string, message: string) => {
      if (channel === this.#channel) this.#hear(message);
    });
    this.#subscriber.on('ready', () => {
      this.#subscriber.subscribe(this.#channel).then(
        () => {
          this.#forget();
          this.#live = true;
        },
        (err: unknown) => this.#logger.warn({ err }, 'could not subscribe to cache invalidations'),
      );
    });
    for (const event of ['close', 'end', 'reconnecting', 'error'] as const) {
      this.#subscriber.on(event, () => {
        if (this.#live) this.#logger.info('cache invalidations unheard; near cache off until resubscribed');
        this.#forget();
      });
    }
  }

  /** Whether reads may use the near tier right now. */
  get live(): boolean {
    return this.#live;
  }

  get(key: string): string | undefined {
    if (!this.#live) return undefined;
    const json = this.#entries.get(key);
    this.#metrics?.near(json !== undefined);
    return json;
  }

  /** A token to pass to `fill`: the fill is dropped if an invalidation is heard in between. */
  mark(): number {
    return this.#heard;
  }

  /** Keeps what Redis answered, for at most its remaining lifetime (`ttlMs`, from PTTL). */
  fill(key: string, json: string, ttlMs: number, mark: number): void {
    if (!this.#live || mark !== this.#heard || !(ttlMs > 0)) return;
    this.#entries.set(key, json, { ttl: Math.min(ttlMs, NEAR_TTL_MS) });
  }

  /** This process wrote `json` at `key` (already published to the others). */
  put(key: string, json: string, ttlSeconds: number): void {
    if (!this.#live) return;
    this.#entries.set(key, json, { ttl: Math.min(ttlSeconds * 1000, NEAR_TTL_MS) });
  }

  drop(keys: readonly string[]): void {
    for (const key of keys) this.#entries.delete(key);
  }

  /** The message other processes drop `keys` on. */
  message(keys: readonly string[]): string {
    return [this.#origin, ...keys].join('\n');
  }

  get channel(): string {
    return this.#channel;
  }

  async close(): Promise<void> {
    this.#forget();
    await this.#subscriber.quit().catch(() => this.#subscriber.disconnect());
  }

  #hear(message: string): void {
    const [origin, ...keys] = message.split('\n');
    if (origin === this.#origin) return;
    this.#heard += 1;
    this.drop(keys);
  }

  #forget(): void {
    this.#live = false;
    this.#heard += 1;
    this.#entries.clear();
  }
}
