import { Counter, type Registry } from 'prom-client';

/** Counts cache reads by kind of key (see `cacheKeyKind`). */
export interface CacheMetrics {
  read(key: string, hit: boolean): void;
  /** A read the in-process tier in front of Redis answered (hit) or passed on to Redis (miss). */
  near(hit: boolean): void;
}

/** A kind is a short lowercase word with dashes: what code writes before the first ':' of a key. */
const KIND = /^[a-z][a-z0-9-]{0,39}$/;

/**
 * The label for a cache key: its namespace, the part before the first ':' (`session`, `profile`,
 * `property`, `search-generation`, or the whole key when it has none, like `amenity-catalog`). Keys are
 * built by code from a literal namespace and ids (`profile:<user id>`), so the namespace is bounded and
 * the ids never reach a label; anything that does not look like a namespace counts as `other`.
 */
export function cacheKeyKind(key: string): string {
  const colon = key.indexOf(':');
  const kind = colon === -1 ? key : key.slice(0, colon);
  return KIND.test(kind) ? kind : 'other';
}

/** `stayhub_cache_requests_total{cache, result="hit|miss"}`. */
export function cacheMetrics(registry: Registry): CacheMetrics {
  const counter = new Counter({
    name: 'stayhub_cache_requests_total',
    help: 'Cache reads by kind of key and result (a read the cache could not answer is a miss).',
    labelNames: ['cache', 'result'] as const,
    registers: [registry],
  });
  const nearCounter = new Counter({
    name: 'stayhub_cache_near_requests_total',
    help: 'Reads of the in-process tier in front of Redis: answered there (hit) or sent on to Redis (miss).',
    labelNames: ['result'] as const,
    registers: [registry],
  });
  const nearHit = nearCounter.labels('hit');
  const nearMiss = nearCounter.labels('miss');
  // One child per kind and result, so a read allocates no label object once its kind has been seen.
  const children = new Map<string, { hit: Counter.Internal; miss: Counter.Internal }>();
  return {
    read(key, hit) {
      const kind = cacheKeyKind(key);
      let child = children.get(kind);
      if (child === undefined) {
        child = { hit: counter.labels(kind, 'hit'), miss: counter.labels(kind, 'miss') };
        children.set(kind, child);
      }
      (hit ? child.hit : child.miss).inc();
    },
    near(hit) {
      (hit ? nearHit : nearMiss).inc();
    },
  };
}
