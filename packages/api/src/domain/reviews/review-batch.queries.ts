import type { Executor } from '@stayhub/db';
import { sql } from 'kysely';
import { timestampKey } from '../shared/keyset.queries.ts';
import { selectReviewRows } from './review.queries.ts';

/** findPropertyAccess for many listings in one statement. */
export function findPropertyAccessByIds(db: Executor, propertyIds: readonly string[]) {
  if (propertyIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('properties')
    .select(['property_id', 'host_id', 'status'])
    .where('property_id', 'in', propertyIds)
    .execute();
}

/**
 * The first `limit` published reviews of each listing (SPEC §10: a review waiting for the other side's is
 * not shown), newest first (listReviewRows' order and filter: created_at DESC, review_id ASC), in one
 * statement: each listing's reviews ranked by a window over reviews_published_property_idx, cut at
 * `limit`. Rows come grouped by listing in that order.
 */
export function listFirstReviewRows(db: Executor, propertyIds: readonly string[], limit: number) {
  if (propertyIds.length === 0) return Promise.resolve([]);
  const ranked = selectReviewRows(db)
    .select((eb) => [
      timestampKey(eb.ref('reviews.created_at')).as('position_key'),
      sql<number>`row_number() over (partition by reviews.property_id order by reviews.created_at desc, reviews.review_id asc)`.as(
        'rank',
      ),
    ])
    .where('reviews.property_id', 'in', propertyIds)
    .where('reviews.published_at', 'is not', null)
    .as('ranked');
  return db
    .selectFrom(ranked)
    .selectAll('ranked')
    .where('ranked.rank', '<=', limit)
    .orderBy('ranked.property_id')
    .orderBy('ranked.rank')
    .execute();
}
