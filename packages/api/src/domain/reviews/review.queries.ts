import type { Executor } from '@stayhub/db';
import { sql } from 'kysely';
import { afterPosition, timestampKey } from '../shared/keyset.queries.ts';
import type { KeysetPosition } from '../shared/keyset-cursor.ts';

/** What deciding on a review of a booking needs: the stay, its guest, and its listing's host and calendar. */
export function findBookingForReview(db: Executor, bookingId: string) {
  return db
    .selectFrom('bookings')
    .innerJoin('properties', 'properties.property_id', 'bookings.property_id')
    .select([
      'bookings.booking_id',
      'bookings.user_id',
      'bookings.status',
      'bookings.end_date',
      'bookings.property_id',
      'properties.name as property_name',
      'properties.timezone',
      'properties.host_id',
    ])
    .where('bookings.booking_id', '=', bookingId)
    .executeTakeFirst();
}

export type BookingForReview = NonNullable<Awaited<ReturnType<typeof findBookingForReview>>>;

export async function hasReview(db: Executor, bookingId: string): Promise<boolean> {
  const row = await db
    .selectFrom('reviews')
    .select('review_id')
    .where('booking_id', '=', bookingId)
    .executeTakeFirst();
  return row !== undefined;
}

export function insertReview(
  db: Executor,
  row: {
    bookingId: string;
    propertyId: string;
    authorId: string;
    rating: number;
    comment: string;
    createdAt: Date;
  },
) {
  return db
    .insertInto('reviews')
    .values({
      booking_id: row.bookingId,
      property_id: row.propertyId,
      user_id: row.authorId,
      rating: row.rating,
      comment: row.comment,
      created_at: row.createdAt,
      updated_at: row.createdAt,
    })
    .returning('review_id')
    .executeTakeFirstOrThrow();
}

/**
 * Sets a listing's rating_avg (numeric(3,2)) and review_count from its published reviews (SPEC §10: a
 * review counts once it is shown). The caller holds the
 * property's row lock (lockPropertyById) taken *before* this statement: under READ COMMITTED this
 * statement's snapshot then includes every review committed by a transaction that held the lock earlier.
 * (Without it, an UPDATE that waits on the row lock would still compute from its older snapshot and write
 * a stale count.) Uses reviews_property_id_idx.
 */
export function recomputePropertyRating(db: Executor, propertyId: string) {
  return db
    .updateTable('properties')
    .set((eb) => ({
      rating_avg: eb
        .selectFrom('reviews')
        .select((sub) => sql<number | null>`round(avg(${sub.ref('reviews.rating')}), 2)`.as('rating_avg'))
        .where('reviews.property_id', '=', propertyId)
        .where('reviews.published_at', 'is not', null),
      review_count: eb
        .selectFrom('reviews')
        .select(eb.fn.countAll<number>().as('review_count'))
        .where('reviews.property_id', '=', propertyId)
        .where('reviews.published_at', 'is not', null),
    }))
    .where('property_id', '=', propertyId)
    .returning(['rating_avg', 'review_count'])
    .executeTakeFirstOrThrow();
}

/** A review with its author's public name and avatar (never email or phone). */
export function selectReviewRows(db: Executor) {
  return db
    .selectFrom('reviews')
    .innerJoin('users', 'users.user_id', 'reviews.user_id')
    .select([
      'reviews.review_id',
      'reviews.property_id',
      'reviews.user_id',
      'reviews.rating',
      'reviews.comment',
      'reviews.host_response',
      'reviews.host_responded_at',
      'reviews.created_at',
      'reviews.published_at',
      'users.first_name as author_first_name',
      'users.avatar_url as author_avatar_url',
    ]);
}

/** A review just written in the caller's transaction, as its view needs it. */
export function readReviewRow(db: Executor, reviewId: string) {
  return selectReviewRows(db).where('reviews.review_id', '=', reviewId).executeTakeFirstOrThrow();
}

export type ReviewRow = Awaited<ReturnType<typeof readReviewRow>>;

/**
 * One page of a listing's published reviews, newest first: ORDER BY created_at DESC, review_id ASC — the
 * order of reviews_published_property_idx (property_id, created_at DESC, review_id) WHERE published.
 */
export function listReviewRows(
  db: Executor,
  filter: { propertyId: string; after: KeysetPosition | undefined; limit: number },
) {
  const { after } = filter;
  let query = selectReviewRows(db)
    .select((eb) => timestampKey(eb.ref('reviews.created_at')).as('position_key'))
    .where('reviews.property_id', '=', filter.propertyId)
    .where('reviews.published_at', 'is not', null);
  if (after) {
    query = query.where((eb) =>
      afterPosition(eb, eb.ref('reviews.created_at'), eb.ref('reviews.review_id'), after),
    );
  }
  return query
    .orderBy('reviews.created_at', 'desc')
    .orderBy('reviews.review_id', 'asc')
    .limit(filter.limit)
    .execute();
}

/**
 * Locks a published review for its one response, with whom it may come from (the listing's host). A review
 * not yet shown is not there for the host to answer (SPEC §10 blind reviews).
 */
export function lockReviewForResponse(db: Executor, reviewId: string) {
  return db
    .selectFrom('reviews')
    .innerJoin('properties', 'properties.property_id', 'reviews.property_id')
    .select([
      'reviews.review_id',
      'reviews.user_id',
      'reviews.property_id',
      'reviews.host_response',
      'properties.host_id',
      'properties.name as property_name',
    ])
    .where('reviews.review_id', '=', reviewId)
    .where('reviews.published_at', 'is not', null)
    .forUpdate('reviews')
    .executeTakeFirst();
}

/** The first response only: the CHECK keeps response and time together, the condition keeps it single. */
export async function setHostResponse(
  db: Executor,
  reviewId: string,
  response: string,
  at: Date,
): Promise<boolean> {
  const result = await db
    .updateTable('reviews')
    .set({ host_response: response, host_responded_at: at })
    .where('review_id', '=', reviewId)
    .where('host_response', 'is', null)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

/** Who may see a listing's reviews: the same as who may see the listing (property.rules canView). */
export function findPropertyAccess(db: Executor, propertyId: string) {
  return db
    .selectFrom('properties')
    .select(['property_id', 'host_id', 'status'])
    .where('property_id', '=', propertyId)
    .executeTakeFirst();
}

/** What the reminder job re-checks and mails: the stay, its guest's address, and the listing. */
export function findReminderTarget(db: Executor, bookingId: string) {
  return db
    .selectFrom('bookings')
    .innerJoin('properties', 'properties.property_id', 'bookings.property_id')
    .innerJoin('users', 'users.user_id', 'bookings.user_id')
    .select([
      'bookings.booking_id',
      'bookings.user_id',
      'bookings.status',
      'bookings.end_date',
      'bookings.property_id',
      'properties.name as property_name',
      'properties.timezone',
      'users.email',
      'users.first_name',
      'users.status as user_status',
    ])
    .where('bookings.booking_id', '=', bookingId)
    .executeTakeFirst();
}

/** Both reviews of a stay, as far as they exist, and whether each is shown yet. */
export async function findStayReviews(db: Executor, bookingId: string) {
  const [review, guestReview] = await Promise.all([
    db
      .selectFrom('reviews')
      .select(['review_id', 'published_at'])
      .where('booking_id', '=', bookingId)
      .executeTakeFirst(),
    db
      .selectFrom('guest_reviews')
      .select(['guest_review_id', 'published_at'])
      .where('booking_id', '=', bookingId)
      .executeTakeFirst(),
  ]);
  return { review, guestReview };
}

export function publishReview(db: Executor, reviewId: string, at: Date) {
  return db
    .updateTable('reviews')
    .set({ published_at: at })
    .where('review_id', '=', reviewId)
    .where('published_at', 'is', null)
    .execute();
}

export function publishGuestReview(db: Executor, guestReviewId: string, at: Date) {
  return db
    .updateTable('guest_reviews')
    .set({ published_at: at })
    .where('guest_review_id', '=', guestReviewId)
    .where('published_at', 'is', null)
    .execute();
}

export async function hasGuestReview(db: Executor, bookingId: string): Promise<boolean> {
  const row = await db
    .selectFrom('guest_reviews')
    .select('guest_review_id')
    .where('booking_id', '=', bookingId)
    .executeTakeFirst();
  return row !== undefined;
}

export function insertGuestReview(
  db: Executor,
  row: {
    bookingId: string;
    propertyId: string;
    guestId: string;
    authorId: string;
    rating: number;
    comment: string;
    createdAt: Date;
  },
) {
  return db
    .insertInto('guest_reviews')
    .values({
      booking_id: row.bookingId,
      property_id: row.propertyId,
      guest_id: row.guestId,
      author_id: row.authorId,
      rating: row.rating,
      comment: row.comment,
      created_at: row.createdAt,
    })
    .returning('guest_review_id')
    .executeTakeFirstOrThrow();
}

/** A host's review of a guest with its author's public name and avatar (never email or phone). */
export function readGuestReviewRow(db: Executor, guestReviewId: string) {
  return db
    .selectFrom('guest_reviews')
    .innerJoin('users', 'users.user_id', 'guest_reviews.author_id')
    .select([
      'guest_reviews.guest_review_id',
      'guest_reviews.booking_id',
      'guest_reviews.guest_id',
      'guest_reviews.author_id',
      'guest_reviews.rating',
      'guest_reviews.comment',
      'guest_reviews.created_at',
      'guest_reviews.published_at',
      'users.first_name as author_first_name',
      'users.avatar_url as author_avatar_url',
    ])
    .where('guest_reviews.guest_review_id', '=', guestReviewId)
    .executeTakeFirstOrThrow();
}

export type GuestReviewRow = Awaited<ReturnType<typeof readGuestReviewRow>>;

/**
 * Sets a user's guest rating from the published reviews hosts wrote of them. The caller holds the user's
 * row lock (lockUserById) taken before this statement, for the reason recomputePropertyRating gives.
 * Uses guest_reviews_guest_id_idx.
 */
export function recomputeGuestRating(db: Executor, guestId: string) {
  return db
    .updateTable('users')
    .set((eb) => ({
      guest_rating_avg: eb
        .selectFrom('guest_reviews')
        .select((sub) => sql<number | null>`round(avg(${sub.ref('guest_reviews.rating')}), 2)`.as('avg'))
        .where('guest_reviews.guest_id', '=', guestId)
        .where('guest_reviews.published_at', 'is not', null),
      guest_review_count: eb
        .selectFrom('guest_reviews')
        .select(eb.fn.countAll<number>().as('count'))
        .where('guest_reviews.guest_id', '=', guestId)
        .where('guest_reviews.published_at', 'is not', null),
    }))
    .where('user_id', '=', guestId)
    .execute();
}
