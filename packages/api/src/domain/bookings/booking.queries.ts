import type { BookingStatus, DB, Executor } from '@stayhub/db';
import { type Insertable, sql, type Updateable } from 'kysely';
import type { BookingCursor } from './booking-cursor.rules.ts';

/** A listing as booking needs it: its rules, prices and who hosts it. */
const bookablePropertyColumns = [
  'property_id',
  'host_id',
  'status',
  'timezone',
  'price_per_night_cents',
  'weekend_price_per_night_cents',
  'weekly_discount_percent',
  'monthly_discount_percent',
  'cleaning_fee_cents',
  'currency',
  'max_guests',
  'min_nights',
  'max_nights',
  'instant_book',
  'cancellation_policy',
  'suspended_with_host',
] as const;

export function findBookableProperty(db: Executor, propertyId: string) {
  return db
    .selectFrom('properties')
    .select(bookablePropertyColumns)
    .where('property_id', '=', propertyId)
    .executeTakeFirst();
}

/**
 * The listing, row-locked (FOR NO KEY UPDATE) for the length of a create. Creates on one listing — and host
 * blocks, which take the same lock — queue here instead of racing inside the EXCLUDE check, where two
 * transactions that inserted overlapping holds can wait on each other and deadlock. Booking and payment
 * foreign-key checks (KEY SHARE) do not wait on this lock, and nothing that releases dates takes it, so a
 * create that waits for a cancellation to commit cannot be waited on in turn.
 */
export function lockBookableProperty(db: Executor, propertyId: string) {
  return db
    .selectFrom('properties')
    .select(bookablePropertyColumns)
    .where('property_id', '=', propertyId)
    .forNoKeyUpdate()
    .executeTakeFirst();
}

export type BookableProperty = NonNullable<Awaited<ReturnType<typeof findBookableProperty>>>;

/** Whether any hold (booking or block) touches [startDate, endDate): the GiST index of occupancy_no_overlap. */
export async function isRangeFree(
  db: Executor,
  propertyId: string,
  startDate: string,
  endDate: string,
): Promise<boolean> {
  const row = await db
    .selectFrom('occupancy')
    .select('occupancy_id')
    .where('property_id', '=', propertyId)
    .where(sql<boolean>`during && daterange(${startDate}::date, ${endDate}::date, '[)')`)
    .limit(1)
    .executeTakeFirst();
  return row === undefined;
}

/** The booking a guest made with an idempotency key, if any (bookings_idempotency_key). */
export function findByIdempotencyKey(db: Executor, guestId: string, idempotencyKey: string) {
  return db
    .selectFrom('bookings')
    .select(['booking_id', 'request_hash'])
    .where('user_id', '=', guestId)
    .where('idempotency_key', '=', idempotencyKey)
    .executeTakeFirst();
}

export function insertBooking(db: Executor, row: Insertable<DB['bookings']>) {
  return db.insertInto('bookings').values(row).returning('booking_id').executeTakeFirstOrThrow();
}

/** Holds the booking's nights; fails with 23P01 (occupancy_no_overlap) when any of them is taken. */
export async function insertHold(
  db: Executor,
  hold: { propertyId: string; bookingId: string; startDate: string; endDate: string },
): Promise<void> {
  await db
    .insertInto('occupancy')
    .values({
      property_id: hold.propertyId,
      kind: 'booking',
      booking_id: hold.bookingId,
      start_date: hold.startDate,
      end_date: hold.endDate,
    })
    .execute();
}

/** Releases the booking's nights (SPEC §3: in the same transaction as the status change). */
export async function deleteHold(db: Executor, bookingId: string): Promise<void> {
  await db.deleteFrom('occupancy').where('booking_id', '=', bookingId).execute();
}

/** Everything a transition needs to know about a booking, its listing and its host. */
function selectBookingRecord(db: Executor) {
  return (
    db
      .selectFrom('bookings')
      .innerJoin('properties', 'properties.property_id', 'bookings.property_id')
      .select([
        'bookings.booking_id',
        'bookings.property_id',
        'bookings.user_id',
        'bookings.start_date',
        'bookings.end_date',
        'bookings.status',
        'bookings.nightly_price_cents',
        'bookings.nights',
        'bookings.subtotal_cents',
        'bookings.cleaning_fee_cents',
        'bookings.service_fee_cents',
        'bookings.total_cents',
        'bookings.currency',
        'bookings.payment_method',
        'bookings.payment_token',
        'bookings.expires_at',
        'properties.host_id',
        'properties.timezone',
        'properties.name as property_name',
      ])
      // The policy booked under; rows written before the snapshot existed use the listing's current one.
      .select(
        sql<
          DB['properties']['cancellation_policy']
        >`coalesce(bookings.cancellation_policy, properties.cancellation_policy)`.as('cancellation_policy'),
      )
  );
}

export function findBookingRecord(db: Executor, bookingId: string) {
  return selectBookingRecord(db).where('bookings.booking_id', '=', bookingId).executeTakeFirst();
}

/** The booking row-locked for a transition: every change to one booking queues here, first. */
export function lockBookingRecord(db: Executor, bookingId: string) {
  return selectBookingRecord(db)
    .where('bookings.booking_id', '=', bookingId)
    .forUpdate('bookings')
    .executeTakeFirst();
}

export type BookingRecord = NonNullable<Awaited<ReturnType<typeof findBookingRecord>>>;

export async function updateBooking(
  db: Executor,
  bookingId: string,
  patch: Updateable<DB['bookings']>,
): Promise<void> {
  await db.updateTable('bookings').set(patch).where('booking_id', '=', bookingId).execute();
}

/** A booking as either party sees it: the listing's summary and both parties' public names. */
function selectViewRows(db: Executor) {
  return db
    .selectFrom('bookings')
    .innerJoin('properties', 'properties.property_id', 'bookings.property_id')
    .innerJoin('users as guest', 'guest.user_id', 'bookings.user_id')
    .innerJoin('users as host', 'host.user_id', 'properties.host_id')
    .select([
      'bookings.booking_id',
      'bookings.property_id',
      'bookings.user_id',
      'bookings.start_date',
      'bookings.end_date',
      'bookings.guests',
      'bookings.status',
      'bookings.nightly_price_cents',
      'bookings.nights',
      'bookings.nightly_prices',
      'bookings.discount_percent',
      'bookings.discount_cents',
      'bookings.subtotal_cents',
      'bookings.cleaning_fee_cents',
      'bookings.service_fee_cents',
      'bookings.total_cents',
      'bookings.currency',
      'bookings.payment_method',
      'bookings.expires_at',
      'bookings.confirmed_at',
      'bookings.completed_at',
      'bookings.canceled_at',
      'bookings.canceled_by',
      'bookings.cancellation_reason',
      'bookings.refund_cents',
      'bookings.created_at',
      'bookings.updated_at',
      'properties.name as property_name',
      'properties.city as property_city',
      'properties.country as property_country',
      'properties.timezone as property_timezone',
      'properties.host_id',
      'properties.check_in_from',
      'properties.check_in_until',
      'properties.check_out_by',
      'properties.house_rules',
      'properties.pets_allowed',
      'properties.smoking_allowed',
      'properties.events_allowed',
      'guest.first_name as guest_first_name',
      'guest.avatar_url as guest_avatar_url',
      'host.first_name as host_first_name',
      'host.avatar_url as host_avatar_url',
    ])
    .select(
      sql<
        DB['properties']['cancellation_policy']
      >`coalesce(bookings.cancellation_policy, properties.cancellation_policy)`.as('cancellation_policy'),
    );
}

export function findBookingViewRow(db: Executor, bookingId: string) {
  return selectViewRows(db).where('bookings.booking_id', '=', bookingId).executeTakeFirst();
}

export type BookingViewRow = NonNullable<Awaited<ReturnType<typeof findBookingViewRow>>>;

/** Which bookings a list shows, by date relative to today in each listing's own time zone. */
export type BookingScope = 'requests' | 'upcoming' | 'past' | 'all';

export interface BookingListFilter {
  scope: BookingScope;
  status?: BookingStatus | undefined;
  /** Only bookings whose guest is this user (a guest's trips)… */
  guestId?: string | undefined;
  /** …or of listings this user hosts… */
  hostId?: string | undefined;
  /** …or of this one listing. */
  propertyId?: string | undefined;
  after?: BookingCursor | undefined;
  now: Date;
  limit: number;
}

const ACTIVE: BookingStatus[] = ['requested', 'pending', 'confirmed'];

/** Active and not over yet: the end date is after today where the listing is. */
const upcoming = (now: Date) => sql<boolean>`(
  bookings.status = any(${ACTIVE}::booking_status[])
  and bookings.end_date > (${now.toISOString()}::timestamptz at time zone properties.timezone)::date
)`;

/** Soonest first for what lies ahead, latest first for history. */
const ascendingScope = (scope: BookingScope) => scope === 'upcoming' || scope === 'requests';

/**
 * One page of bookings, keyset-paged on (start_date, booking_id): ascending for `upcoming`/`requests`,
 * descending otherwise. A guest's list walks bookings_user_id_start_date_idx, a listing's
 * bookings_property_id_start_date_idx.
 */
export function listBookingViewRows(db: Executor, filter: BookingListFilter) {
  const ascending = ascendingScope(filter.scope);
  let query = selectViewRows(db);
  if (filter.guestId !== undefined) query = query.where('bookings.user_id', '=', filter.guestId);
  if (filter.hostId !== undefined) query = query.where('properties.host_id', '=', filter.hostId);
  if (filter.propertyId !== undefined) query = query.where('bookings.property_id', '=', filter.propertyId);
  if (filter.status !== undefined) query = query.where('bookings.status', '=', filter.status);
  if (filter.scope === 'requests') query = query.where('bookings.status', '=', 'requested');
  if (filter.scope === 'upcoming') query = query.where(upcoming(filter.now));
  if (filter.scope === 'past') query = query.where(sql<boolean>`not ${upcoming(filter.now)}`);
  const after = filter.after;
  if (after !== undefined) {
    query = query.where((eb) =>
      eb(
        eb.refTuple('bookings.start_date', 'bookings.booking_id'),
        ascending ? '>' : '<',
        eb.tuple(sql<string>`${after.startDate}::date`, sql<string>`${after.bookingId}::uuid`),
      ),
    );
  }
  const direction = ascending ? 'asc' : 'desc';
  return query
    .orderBy('bookings.start_date', direction)
    .orderBy('bookings.booking_id', direction)
    .limit(filter.limit)
    .execute();
}

/** Requests past their expiry (bookings_requested_expires_at_idx), for the sweep. */
export function findOverdueRequests(db: Executor, now: Date, limit: number) {
  return db
    .selectFrom('bookings')
    .select('booking_id')
    .where('status', '=', 'requested')
    .where('expires_at', '<=', now)
    .orderBy('expires_at')
    .limit(limit)
    .execute();
}

/**
 * Confirmed stays whose end date may have come somewhere (bookings_confirmed_end_date_idx). `latestToday`
 * is today in the time zone furthest ahead, so no listing is missed; the task re-checks its own zone.
 */
export function findEndedStays(db: Executor, latestToday: string, limit: number) {
  return db
    .selectFrom('bookings')
    .select('booking_id')
    .where('status', '=', 'confirmed')
    .where('end_date', '<=', latestToday)
    .orderBy('end_date')
    .limit(limit)
    .execute();
}

/** Bookings waiting for a charge and unchanged since `unchangedSince` (bookings_pending_updated_at_idx). */
export function findStalePendingBookings(db: Executor, unchangedSince: Date, limit: number) {
  return db
    .selectFrom('bookings')
    .select('booking_id')
    .where('status', '=', 'pending')
    .where('updated_at', '<=', unchangedSince)
    .orderBy('updated_at')
    .limit(limit)
    .execute();
}

/**
 * Which of these job keys name a job that can still run (not out of attempts), from graphile-worker's
 * public `jobs` view: a key missing here means the timer or job is gone.
 */
export async function findRunnableJobKeys(db: Executor, keys: readonly string[]): Promise<Set<string>> {
  if (keys.length === 0) return new Set();
  const { rows } = await sql<{ key: string }>`
    select key from graphile_worker.jobs
    where key = any(${keys}::text[]) and attempts < max_attempts`.execute(db);
  return new Set(rows.map((row) => row.key));
}

/**
 * Whether the user has a stay ahead as guest or as host (SPEC §10 deletion): a booking of theirs, or of a
 * listing they host, that is active and not over yet where the listing is (the `upcoming` scope).
 */
export async function hasUpcomingStays(db: Executor, userId: string, now: Date): Promise<boolean> {
  const row = await db
    .selectFrom('bookings')
    .innerJoin('properties', 'properties.property_id', 'bookings.property_id')
    .select('bookings.booking_id')
    .where((eb) => eb.or([eb('bookings.user_id', '=', userId), eb('properties.host_id', '=', userId)]))
    .where(upcoming(now))
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}
