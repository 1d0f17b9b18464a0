import type { Executor } from '@stayhub/db';

/** The fixed catalog (SPEC §3 amenities), grouped by category. */
export function listAmenityCatalog(db: Executor) {
  return db
    .selectFrom('amenities')
    .select(['code', 'name', 'category'])
    .orderBy('category')
    .orderBy('name')
    .execute();
}

export function findAmenitiesByCodes(db: Executor, codes: readonly string[]) {
  if (codes.length === 0) return Promise.resolve([]);
  return db.selectFrom('amenities').select(['amenity_id', 'code']).where('code', 'in', codes).execute();
}

/** Replaces a listing's whole amenity set. */
export async function replacePropertyAmenities(
  db: Executor,
  propertyId: string,
  amenityIds: readonly string[],
): Promise<void> {
  await db.deleteFrom('property_amenities').where('property_id', '=', propertyId).execute();
  if (amenityIds.length === 0) return;
  await db
    .insertInto('property_amenities')
    .values(amenityIds.map((amenityId) => ({ property_id: propertyId, amenity_id: amenityId })))
    .execute();
}
