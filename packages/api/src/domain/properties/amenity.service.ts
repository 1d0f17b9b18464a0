import type { Executor } from '@stayhub/db';
import type { Deps } from '../deps.ts';
import { ValidationError } from '../errors.ts';
import { findAmenitiesByCodes, listAmenityCatalog } from './amenity.queries.ts';
import { type AmenityList, type AmenityView, toAmenityView } from './property.views.ts';

/** The catalog is fixed by migrations, so it is cached for an hour; a deploy that adds to it waits at most that. */
const CATALOG_TTL_SECONDS = 3600;
const catalogKey = 'amenity-catalog';

/** `properties.amenities`: the whole catalog, as a list page (one page: it is short). */
export async function amenityCatalog(deps: Pick<Deps, 'db' | 'cache'>): Promise<AmenityList> {
  const cached = await deps.cache.get<AmenityView[]>(catalogKey);
  const items = cached ?? (await listAmenityCatalog(deps.db)).map(toAmenityView);
  if (!cached) await deps.cache.set(catalogKey, items, CATALOG_TTL_SECONDS);
  return { items, nextCursor: null };
}

/**
 * Amenity codes → ids, each once. A code the catalog does not have is a BAD_REQUEST whose path names it
 * (`amenities.2`), so a client can point at the exact entry.
 */
export async function resolveAmenityIds(db: Executor, codes: readonly string[]): Promise<string[]> {
  const known = new Map((await findAmenitiesByCodes(db, codes)).map((row) => [row.code, row.amenity_id]));
  const ids = codes.map((code, index) => {
    const id = known.get(code);
    if (id === undefined) throw new ValidationError(`unknown amenity: ${code}`, ['amenities', String(index)]);
    return id;
  });
  return [...new Set(ids)];
}
