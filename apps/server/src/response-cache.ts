import { LRUCache } from 'lru-cache';
import { Counter, type Registry } from 'prom-client';

/** How long a kept answer is sent again at most; its key's generation usually retires it sooner. */
const RESPONSE_TTL_MS = 300_000;

/**
 * The serialized `data` of public answers (@stayhub/api `publicResponses`), in this process only, bounded
 * by size (UTF-16 code units of key and JSON). Nothing here needs invalidating: each key names the
 * generation its answer was read under, and a write retires the generation, not the entry.
 */
export class ResponseCache {
  readonly #entries: LRUCache<string, string>;
  readonly #hit: Counter.Internal;
  readonly #miss: Counter.Internal;

  constructor(maxSize: number, registry: Registry) {
    this.#entries = new LRUCache<string, string>({
      maxSize,
      sizeCalculation: (json, key) => json.length + key.length,
      ttl: RESPONSE_TTL_MS,
    });
    const reads = new Counter({
      name: 'stayhub_trpc_kept_answers_total',
      help: 'Public calls from anonymous callers: answered with kept bytes (hit) or by the procedure (miss).',
      labelNames: ['result'] as const,
      registers: [registry],
    });
    this.#hit = reads.labels('hit');
    this.#miss = reads.labels('miss');
  }

  get(key: string): string | undefined {
    const json = this.#entries.get(key);
    (json === undefined ? this.#miss : this.#hit).inc();
    return json;
  }

  set(key: string, json: string): void {
    this.#entries.set(key, json);
  }
}
