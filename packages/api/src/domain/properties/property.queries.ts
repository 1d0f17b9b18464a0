import type { Executor, PropertyStatus } from '@stayhub/db';
import { jsonArrayFrom } from 'kysely/helpers/postgres';
import { afterPosition, timestampKey } from '../shared/keyset.queries.ts';
import type { KeysetPosition } from '../shared/keyset-cursor.ts';
import type { PropertyInsert, PropertyPatch } from './property.rules.ts';
import { propertyViewColumns } from './property.views.ts';

export function insertProperty(db: Executor, row: PropertyInsert) {
  return db.insertInto('properties').values(row).returning('property_id').executeTakeFirstOrThrow();
}

/**
 * Row-locks a listing for a change (FOR NO KEY UPDATE: the lock an UPDATE takes, so changes to one listing
 * serialize while bookings' and photos' foreign-key checks on it do not wait).
 */
export function lockPropertyById(db: Executor, propertyId: string) {
  return db
    .selectFrom('properties')
    .select([
      'property_id',
      'host_id',
      'status',
      'listed_at',
      'description',
      'address',
      'min_nights',
      'max_nights',
      'timezone',
      'price_per_night_cents',
      'weekend_price_per_night_cents',
      'currency',
    ])
    .where('property_id', '=', propertyId)
    .forNoKeyUpdate()
    .executeTakeFirst();
}

export type LockedProperty = NonNullable<Awaited<ReturnType<typeof lockPropertyById>>>;

export function updatePropertyColumns(db: Executor, propertyId: string, patch: PropertyPatch) {
  return db.updateTable('properties').set(patch).where('property_id', '=', propertyId).execute();
}

/** A view's columns with its host's public name and avatar (never email or phone). */
function selectViewRows(db: Executor) {
  return db
    .selectFrom('properties')
    .innerJoin('users', 'users.user_id', 'properties.host_id')
    .select(propertyViewColumns)
    .select([
      'properties.host_id',
      'users.first_name as host_first_name',
      'users.avatar_url as host_avatar_url',
    ]);
}

/**
 * View rows with each listing's amenities (by category, then name) and photos (by position) as JSON arrays:
 * one statement and one round trip for the whole view, not three.
 */
export function findViewRowsByIds(db: Executor, propertyIds: readonly string[]) {
  if (propertyIds.length === 0) return Promise.resolve([]);
  return selectViewRows(db)
    .select((eb) => [
      jsonArrayFrom(
        eb
          .selectFrom('property_amenities')
          .innerJoin('amenities', 'amenities.amenity_id', 'property_amenities.amenity_id')
          .select(['amenities.code', 'amenities.name', 'amenities.category'])
          .whereRef('property_amenities.property_id', '=', 'properties.property_id')
          .orderBy('amenities.category')
          .orderBy('amenities.name'),
      ).as('amenities'),
      jsonArrayFrom(
        eb
          .selectFrom('property_photos')
          .select(['photo_id', 'url', 'caption', 'position'])
          .whereRef('property_photos.property_id', '=', 'properties.property_id')
          .orderBy('position'),
      ).as('photos'),
    ])
    .where('properties.property_id', 'in', propertyIds)
    .execute();
}

/** SPEC §4: a guest sees the exact address once they have a confirmed or completed stay there. */
export async function hasStayAt(db: Executor, propertyId: string, userId: string): Promise<boolean> {
  const row = await db
    .selectFrom('bookings')
    .select('booking_id')
    .where('user_id', '=', userId)
    .where('property_id', '=', propertyId)
    .where('status', 'in', ['confirmed', 'completed'])
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}

export interface HostListingFilter {
  hostId: string;
  status?: PropertyStatus | undefined;
  /** Rows strictly after this position in newest-first order. */
  after?: KeysetPosition | undefined;
  limit: number;
}

/**
 * One page of a host's listings, newest first: ORDER BY created_at DESC, property_id ASC — the order of
 * properties_host_id_idx (host_id, created_at DESC, property_id). `created_at_key` is created_at with
 * microseconds, for the next cursor (a JS Date keeps only milliseconds).
 */
export function listIdsByHost(db: Executor, filter: HostListingFilter) {
  const { hostId, status, after, limit } = filter;
  let query = db
    .selectFrom('properties')
    .select((eb) => ['property_id', timestampKey(eb.ref('created_at')).as('created_at_key')])
    .where('host_id', '=', hostId);
  if (status !== undefined) query = query.where('status', '=', status);
  if (after !== undefined) {
    query = query.where((eb) => afterPosition(eb, eb.ref('created_at'), eb.ref('property_id'), after));
  }
  return query.orderBy('created_at', 'desc').orderBy('property_id', 'asc').limit(limit).execute();
}
