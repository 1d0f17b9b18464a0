import type { Executor } from '@stayhub/db';
import { sql } from 'kysely';
import { PROFILE_COLUMNS } from './user.queries.ts';

/** findProfileRowById for many users in one statement (never email or phone). */
export function findProfileRowsByIds(db: Executor, userIds: readonly string[]) {
  if (userIds.length === 0) return Promise.resolve([]);
  return db.selectFrom('users').select(PROFILE_COLUMNS).where('user_id', 'in', userIds).execute();
}

/**
 * findHostStats for many hosts in one statement: per host, listed places now and every published review
 * of any of their places (SPEC §10: a review counts once it is shown), averaging the ratings themselves.
 * A host with no places has no row (all zero, no rating).
 */
export function findHostStatsByIds(db: Executor, hostIds: readonly string[]) {
  if (hostIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('properties')
    .leftJoin('reviews', (join) =>
      join
        .onRef('reviews.property_id', '=', 'properties.property_id')
        .on('reviews.published_at', 'is not', null),
    )
    .where('properties.host_id', 'in', hostIds)
    .groupBy('properties.host_id')
    .select((eb) => [
      'properties.host_id',
      sql<number>`count(distinct ${eb.ref('properties.property_id')}) filter (where ${eb.ref('properties.status')} = 'listed')`.as(
        'listed_properties',
      ),
      eb.fn.count<number>('reviews.review_id').as('review_count'),
      sql<number | null>`round(avg(${eb.ref('reviews.rating')}), 2)`.as('rating_avg'),
    ])
    .execute();
}
