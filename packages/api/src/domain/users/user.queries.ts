import type { Executor } from '@stayhub/db';
import { sql } from 'kysely';
import type { ProfileColumns } from './user.rules.ts';
import { meColumns } from './user.views.ts';

export function findMeById(db: Executor, userId: string) {
  return db.selectFrom('users').select(meColumns).where('user_id', '=', userId).executeTakeFirst();
}

/** Row-locks a user for a role or status change, so two changes of one account serialize. */
export function lockUserById(db: Executor, userId: string) {
  return db
    .selectFrom('users')
    .select(['user_id', 'role', 'status'])
    .where('user_id', '=', userId)
    .forUpdate()
    .executeTakeFirst();
}

export function updateProfileColumns(db: Executor, userId: string, columns: ProfileColumns) {
  return db
    .updateTable('users')
    .set(columns)
    .where('user_id', '=', userId)
    .returning(meColumns)
    .executeTakeFirst();
}

export function setRole(db: Executor, userId: string, role: 'guest' | 'host' | 'admin') {
  return db
    .updateTable('users')
    .set({ role })
    .where('user_id', '=', userId)
    .returning(meColumns)
    .executeTakeFirstOrThrow();
}

/** The columns a public profile may show, plus role and status to decide what to show (never email or phone). */
export const PROFILE_COLUMNS = [
  'user_id',
  'first_name',
  'avatar_url',
  'bio',
  'role',
  'status',
  'created_at',
  'guest_rating_avg',
  'guest_review_count',
] as const;

export function findProfileRowById(db: Executor, userId: string) {
  return db.selectFrom('users').select(PROFILE_COLUMNS).where('user_id', '=', userId).executeTakeFirst();
}

/**
 * A host's public track record: listed places now, and every published review of any of their places (also places
 * no longer listed: the reviews were earned). Averages the ratings themselves rather than the rounded
 * per-property rating_avg. Uses properties_host_id_idx and reviews_property_id_idx.
 */
export function findHostStats(db: Executor, hostId: string) {
  return db
    .selectFrom('reviews')
    .innerJoin('properties', 'properties.property_id', 'reviews.property_id')
    .where('properties.host_id', '=', hostId)
    .where('reviews.published_at', 'is not', null)
    .select((eb) => [
      eb
        .selectFrom('properties')
        .where('host_id', '=', hostId)
        .where('status', '=', 'listed')
        .select(eb.fn.countAll<number>().as('count'))
        .as('listed_properties'),
      eb.fn.countAll<number>().as('review_count'),
      sql<number | null>`round(avg(${eb.ref('reviews.rating')}), 2)`.as('rating_avg'),
    ])
    .executeTakeFirstOrThrow();
}
