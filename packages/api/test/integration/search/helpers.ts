import { randomBytes } from 'node:crypto';
import type { DB, Executor } from '@stayhub/db';
import type { Insertable } from 'kysely';
import type { Deps } from '../../../src/domain/deps.ts';
import { callerFor, createProperty } from '../../../src/testing/index.ts';

/** properties.search as an anonymous client calls it (the procedure is public). */
export function searchWith(deps: Deps) {
  const caller = callerFor(deps);
  return (input: Parameters<typeof caller.properties.search>[0]) => caller.properties.search(input);
}

export type SearchInput = Parameters<ReturnType<typeof searchWith>>[0];

/**
 * A town name no other test in the file uses: listings made with it are found with `text: town`, so tests
 * sharing one database see only their own listings. Letters only (trigram-friendly, no LIKE characters).
 */
export function uniqueTown(): string {
  const letters = [...randomBytes(8)].map((byte) => String.fromCharCode(97 + (byte % 26))).join('');
  return `Town ${letters}`;
}

/** A listed place in `town` (the factory's defaults otherwise: Lisbon coordinates, EUR 100.00 a night). */
export async function listingIn(
  db: Executor,
  hostId: string,
  town: string,
  overrides: Partial<Insertable<DB['properties']>> = {},
): Promise<string> {
  const { propertyId } = await createProperty(db, hostId, { city: town, ...overrides });
  return propertyId;
}

export async function addAmenities(
  db: Executor,
  propertyId: string,
  codes: readonly string[],
): Promise<void> {
  await db
    .insertInto('property_amenities')
    .columns(['property_id', 'amenity_id'])
    .expression((eb) =>
      eb
        .selectFrom('amenities')
        .select([eb.val(propertyId).as('property_id'), 'amenities.amenity_id'])
        .where('amenities.code', 'in', codes),
    )
    .execute();
}

export async function addBlock(db: Executor, propertyId: string, startDate: string, endDate: string) {
  await db
    .insertInto('occupancy')
    .values({ property_id: propertyId, kind: 'block', start_date: startDate, end_date: endDate })
    .execute();
}

export const ids = (page: { items: { propertyId: string }[] }) => page.items.map((item) => item.propertyId);

/** Postgres orders uuids by their bytes, which is the order of their lowercase hex text. */
export const byId = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
