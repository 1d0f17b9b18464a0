import { LRUCache } from 'lru-cache';
import type { Cache } from './cache.ts';
import { decodeEntry, encodeEntry } from './cache-entry.ts';

export interface MemoryCacheOptions {
  /**
   * Least recently used entries are evicted beyond this total size of keys and JSON text, in UTF-16 code
   * units (about bytes for ASCII): a size bound, so big search pages and small views share it fairly.
   */
  maxSize?: number;
}

/** The in-process cache used when REDIS_URL is unset (SPEC §2); same JSON semantics as RedisCache. */
export class MemoryCache implements Cache {
  readonly #entries: LRUCache<string, string>;

  constructor({ maxSize = 64 * 1024 * 1024 }: MemoryCacheOptions = {}) {
    this.#entries = new LRUCache<string, string>({
      maxSize,
      sizeCalculation: (json, key) => json.length + key.length,
    });
  }

  async get<T>(key: string): Promise<T | undefined> {
    const json = this.#entries.get(key);
    return json === undefined ? undefined : decodeEntry<T>(json);
  }

  async set(key: string, value: unknown, ttlSeconds: number): Promise<void> {
    const entry = encodeEntry(value, ttlSeconds);
    if (entry === undefined) {
      this.#entries.delete(key);
      return;
    }
    this.#entries.set(key, entry.json, { ttl: entry.ttlSeconds * 1000 });
  }

  async delete(...keys: string[]): Promise<void> {
    for (const key of keys) this.#entries.delete(key);
  }

  async ping(): Promise<boolean> {
    return true;
  }

  async close(): Promise<void> {
    this.#entries.clear();
  }
}
