/** A year: the longest lifetime a cache entry gets, even when asked for Infinity. */
const MAX_TTL_SECONDS = 365 * 24 * 60 * 60;

/**
 * What both cache implementations store: the value as JSON text with a whole-second lifetime, so the
 * in-process cache behaves like Redis (`SET … EX`): readers get a fresh copy they cannot use to mutate
 * the cached value, Dates come back as strings, and a 1.4 s TTL means 2 s in both.
 *
 * Returns undefined when there is nothing to keep: a value JSON cannot represent (`undefined`, a
 * function) or a lifetime that is already over. Throws, in both implementations alike, on a value
 * JSON.stringify rejects (a BigInt, a cycle): that is a bug in the caller, not an outage.
 */
export function encodeEntry(
  value: unknown,
  ttlSeconds: number,
): { json: string; ttlSeconds: number } | undefined {
  const json = JSON.stringify(value);
  if (json === undefined || !(ttlSeconds > 0)) return undefined;
  return { json, ttlSeconds: Math.min(Math.ceil(ttlSeconds), MAX_TTL_SECONDS) };
}

/**
 * `Cache.get<T>` trusts its caller about the shape stored under a key (the caller wrote it); the value
 * is whatever JSON.parse rebuilt. Callers caching data from outside the process should parse it.
 */
export function decodeEntry<T>(json: string): T {
  const value: T = JSON.parse(json);
  return value;
}
