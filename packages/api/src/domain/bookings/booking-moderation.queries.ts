import type { Executor } from '@stayhub/db';
import { sql } from 'kysely';

/**
 * The bookings moderation cancels (SPEC §10): stays that still hold dates and have not begun — requested,
 * pending or confirmed, starting today or later on the listing's calendar — of one listing or of every
 * listing of one host. Oldest start first, so the guests nearest to arriving are told first.
 */
export function upcomingStayIds(db: Executor, scope: { propertyId: string } | { hostId: string }, now: Date) {
  let query = db
    .selectFrom('bookings')
    .innerJoin('properties', 'properties.property_id', 'bookings.property_id')
    .select('bookings.booking_id')
    .where('bookings.status', 'in', ['requested', 'pending', 'confirmed'])
    .where(
      'bookings.start_date',
      '>=',
      sql<string>`(${now}::timestamptz AT TIME ZONE ${sql.ref('properties.timezone')})::date`,
    );
  query =
    'propertyId' in scope
      ? query.where('bookings.property_id', '=', scope.propertyId)
      : query.where('properties.host_id', '=', scope.hostId);
  return query.orderBy('bookings.start_date').orderBy('bookings.booking_id').execute();
}
