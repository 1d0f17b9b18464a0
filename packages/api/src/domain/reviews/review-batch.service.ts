import type { Viewer } from '../auth/viewer.ts';
import type { Deps } from '../deps.ts';
import { NotFoundError } from '../errors.ts';
import { canManage, canView } from '../properties/property.rules.ts';
import { keysetPage } from '../shared/keyset-cursor.ts';
import { type ReviewList, toReviewView } from './review.views.ts';
import { findPropertyAccessByIds, listFirstReviewRows } from './review-batch.queries.ts';

/**
 * The first page of reviews of many listings in two statements, whatever their number (GraphQL's loader
 * batches a page of search results through it): listPropertyReviews' rule and order for each id — a
 * listing the viewer may not see answers a NotFoundError — and its `nextCursor`, which
 * listPropertyReviews takes for the next page.
 */
export async function firstReviewPages(
  deps: Deps,
  viewer: Viewer | null,
  propertyIds: readonly string[],
  limit: number,
): Promise<(ReviewList | NotFoundError)[]> {
  const access = new Map(
    (await findPropertyAccessByIds(deps.db, propertyIds)).map((row) => [row.property_id, row]),
  );
  const visible = propertyIds.filter((propertyId) => {
    const property = access.get(propertyId);
    return property !== undefined && canView(property.status, canManage(viewer, property.host_id));
  });
  const rows = await listFirstReviewRows(deps.db, visible, limit + 1);
  const byProperty = new Map<string, typeof rows>();
  for (const row of rows) {
    const group = byProperty.get(row.property_id);
    if (group) group.push(row);
    else byProperty.set(row.property_id, [row]);
  }
  const shown = new Set(visible);
  return propertyIds.map((propertyId) => {
    if (!shown.has(propertyId)) return new NotFoundError('property');
    const { page, nextCursor } = keysetPage(byProperty.get(propertyId) ?? [], limit, (row) => ({
      at: row.position_key,
      id: row.review_id,
    }));
    return { items: page.map(toReviewView), nextCursor };
  });
}
