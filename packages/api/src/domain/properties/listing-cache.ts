import { randomUUID } from 'node:crypto';
import { afterCommit, type Executor } from '@stayhub/db';
import type { Deps } from '../deps.ts';

/**
 * Cache keys and invalidation for listings (SPEC §2). Entries are never deleted in place: they live under a
 * *generation* token that a committed change replaces, which orphans every entry written under the old one
 * (they expire by TTL). That also defeats the classic race where a read that began before a write puts the
 * old value back after the write's invalidation: the late entry lands under the retired generation.
 * A property's views use a generation of their own. Search pages use shared ones:
 * Two generations, so a new hold only orphans date-filtered pages:
 *   - `listings`: anything shown in results or filtered on (fields, photos, amenities, status, rating);
 *   - `availability`: holds and blocks (bookings, blocks, cancellations) — only pages with dates use it.
 * The invalidations take the executor the change was written on and register the bump with
 * `afterCommit`: it runs when the outermost transaction commits (at once on the plain pool), never on
 * rollback, and before that transaction's `inTransaction` resolves, so the writer's next read never sees
 * the old page. Bumping earlier — inside a caller's transaction — would let a reader between the bump and
 * the commit cache the old row under the new generation.
 */
export const PROPERTY_VIEW_TTL_SECONDS = 300;
export const SEARCH_PAGE_TTL_SECONDS = 300;
const GENERATION_TTL_SECONDS = 7 * 24 * 3600;

export type Generation = 'listings' | 'availability';

const searchGenerationKey = (generation: Generation) => `search-generation:${generation}`;
const propertyGenerationKey = (propertyId: string) => `property-generation:${propertyId}`;

/** The token stored at `key`; a missing one (evicted, Redis restarted) starts a new one. */
async function generationAt(deps: Pick<Deps, 'cache'>, key: string): Promise<string> {
  const existing = await deps.cache.get<string>(key);
  if (existing) return existing;
  const fresh = randomUUID();
  await deps.cache.set(key, fresh, GENERATION_TTL_SECONDS);
  return fresh;
}

const renew = (deps: Pick<Deps, 'cache'>, key: string) =>
  deps.cache.set(key, randomUUID(), GENERATION_TTL_SECONDS);

export const currentGeneration = (deps: Pick<Deps, 'cache'>, generation: Generation) =>
  generationAt(deps, searchGenerationKey(generation));

const bumpGeneration = (deps: Pick<Deps, 'cache'>, generation: Generation) =>
  renew(deps, searchGenerationKey(generation));

/** Where a property's viewer-independent view is cached right now. */
export async function propertyViewKey(deps: Pick<Deps, 'cache'>, propertyId: string): Promise<string> {
  return `property:${propertyId}:${await generationAt(deps, propertyGenerationKey(propertyId))}`;
}

/** On the executor of a change to a property that its page or search shows or filters on. */
export function invalidateListing(
  executor: Executor,
  deps: Pick<Deps, 'cache'>,
  propertyId: string,
): Promise<void> {
  return afterCommit(executor, async () => {
    await Promise.all([renew(deps, propertyGenerationKey(propertyId)), bumpGeneration(deps, 'listings')]);
  });
}

/** On the executor of a change to any property's holds or blocks (bookings, blocks, cancellations). */
export function invalidateAvailability(executor: Executor, deps: Pick<Deps, 'cache'>): Promise<void> {
  return afterCommit(executor, () => bumpGeneration(deps, 'availability'));
}
