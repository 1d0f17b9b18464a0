import { randomUUID } from 'node:crypto';
import type { Deps } from '../deps.ts';

/**
 * Cache keys and invalidation for listings (issue 4). A property's views are cached per property and
 * deleted by every change to it. Search pages are cached under a *generation*: any change that can alter
 * search results replaces the generation, which orphans every cached page at once (they expire by TTL).
 * Two generations, so a new hold only orphans date-filtered pages:
 *   - `listings`: anything shown in results or filtered on (fields, photos, amenities, status, rating);
 *   - `availability`: holds and blocks (bookings, blocks, cancellations) — only pages with dates use it.
 * Callers bump after their transaction commits, so the writer's next read never sees the old page.
 */
export const PROPERTY_VIEW_TTL_SECONDS = 300;
export const SEARCH_PAGE_TTL_SECONDS = 300;
const GENERATION_TTL_SECONDS = 7 * 24 * 3600;

export type Generation = 'listings' | 'availability';

export const propertyViewKey = (propertyId: string) => `property:${propertyId}`;
const generationKey = (generation: Generation) => `search-generation:${generation}`;

/** The current generation token; a missing one (evicted, Redis restarted) starts a new one. */
export async function currentGeneration(deps: Pick<Deps, 'cache'>, generation: Generation): Promise<string> {
  const existing = await deps.cache.get<string>(generationKey(generation));
  if (existing) return existing;
  const fresh = randomUUID();
  await deps.cache.set(generationKey(generation), fresh, GENERATION_TTL_SECONDS);
  return fresh;
}

export async function bumpGeneration(deps: Pick<Deps, 'cache'>, generation: Generation): Promise<void> {
  await deps.cache.set(generationKey(generation), randomUUID(), GENERATION_TTL_SECONDS);
}

/** After a committed change to a property that search shows or filters on. */
export async function invalidateListing(deps: Pick<Deps, 'cache'>, propertyId: string): Promise<void> {
  await Promise.all([deps.cache.delete(propertyViewKey(propertyId)), bumpGeneration(deps, 'listings')]);
}

/** After a committed change to any property's holds or blocks (bookings, blocks, cancellations). */
export async function invalidateAvailability(deps: Pick<Deps, 'cache'>): Promise<void> {
  await bumpGeneration(deps, 'availability');
}
