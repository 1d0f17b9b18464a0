import type { DB, Reviews } from '@stayhub/db';
import { type Insertable, sql, type Transaction } from 'kysely';
import { addDays } from '../domain/shared/dates.ts';
import { demoStay } from './demo-bookings.ts';
import { demoProperties } from './demo-properties.ts';
import { bookingIds, propertyIds, reviewIds, userIds } from './ids.ts';
import { atUtc } from './instants.ts';

interface ReviewPlan {
  id: string;
  bookingId: string;
  propertyId: string;
  authorId: string;
  rating: number;
  comment: string;
  hostResponse: string | null;
}

/** One review per completed demo stay, by its guest (SPEC §4). */
const plans: readonly ReviewPlan[] = [
  {
    id: reviewIds.lisbonRecent,
    bookingId: bookingIds.lisbonRecent,
    propertyId: propertyIds.lisbon,
    authorId: userIds.amara,
    rating: 5,
    comment:
      'Everything Hana promised and more: the light in the morning is unreal, the bed was great and the tram stop is right there. We would come back in a heartbeat.',
    hostResponse:
      'Thank you, Amara! You left the flat spotless. Come back for the Santo António festival in June.',
  },
  {
    id: reviewIds.lisbonEarlier,
    bookingId: bookingIds.lisbonEarlier,
    propertyId: propertyIds.lisbon,
    authorId: userIds.lucas,
    rating: 4,
    comment:
      'Lovely flat in a perfect spot. The hill is steep with luggage and the street gets lively at night, but the view makes up for it.',
    hostResponse: null,
  },
  {
    id: reviewIds.kyotoPast,
    bookingId: bookingIds.kyotoPast,
    propertyId: propertyIds.kyoto,
    authorId: userIds.sofia,
    rating: 5,
    comment:
      'A calm, beautiful house. Waking up to the moss garden and walking to Kiyomizu-dera before the crowds was the highlight of our trip.',
    hostResponse: 'Arigatō, Sofia. It was a pleasure to host you; the garden misses you already.',
  },
];

/**
 * Inserts the demo reviews that are not there yet (at most one per booking, whoever wrote it), then
 * sets every demo listing's rating_avg/review_count from the reviews actually in the table.
 */
export async function seedReviews(trx: Transaction<DB>, today: string): Promise<number> {
  const rows = plans.map((plan): Insertable<Reviews> => {
    const { end_date } = demoStay(plan.bookingId, today);
    const createdAt = atUtc(addDays(end_date, 2), '18:30');
    const respondedAt = plan.hostResponse === null ? null : atUtc(addDays(end_date, 3), '08:10');
    return {
      review_id: plan.id,
      booking_id: plan.bookingId,
      property_id: plan.propertyId,
      user_id: plan.authorId,
      rating: plan.rating,
      comment: plan.comment,
      host_response: plan.hostResponse,
      host_responded_at: respondedAt,
      created_at: createdAt,
      updated_at: respondedAt ?? createdAt,
      // The demo's stays were reviewed long enough ago for their reviews to be shown (SPEC §10).
      published_at: createdAt,
    };
  });
  const inserted = await trx
    .insertInto('reviews')
    .values(rows)
    // booking_id is the identity that matters: a review of that stay, seeded or not, means done.
    .onConflict((oc) => oc.column('booking_id').doNothing())
    .returning('review_id')
    .execute();
  await refreshRatings(
    trx,
    demoProperties.map((p) => p.id),
  );
  return inserted.length;
}

/** Exact aggregates, touching only listings whose stored values differ (a re-run writes nothing). */
async function refreshRatings(trx: Transaction<DB>, propertyIds: readonly string[]): Promise<void> {
  const stats = trx
    .selectFrom('reviews')
    .select((eb) => [
      'reviews.property_id',
      sql<number>`round(avg(${eb.ref('reviews.rating')}), 2)`.as('rating_avg'),
      eb.fn.countAll<number>().as('review_count'),
    ])
    .where('reviews.property_id', 'in', propertyIds)
    .groupBy('reviews.property_id')
    .as('stats');
  await trx
    .updateTable('properties')
    .from(stats)
    .set((eb) => ({ rating_avg: eb.ref('stats.rating_avg'), review_count: eb.ref('stats.review_count') }))
    .whereRef('properties.property_id', '=', 'stats.property_id')
    .where((eb) =>
      eb.or([
        eb('properties.rating_avg', 'is distinct from', eb.ref('stats.rating_avg')),
        eb('properties.review_count', '<>', eb.ref('stats.review_count')),
      ]),
    )
    .execute();
}
