import type { Executor } from '@stayhub/db';
import type { Deps } from '../deps.ts';
import { cachedBaseView } from './cached-base-view.ts';
import { PROPERTY_VIEW_TTL_SECONDS, propertyViewKey } from './listing-cache.ts';
import { findViewRowsByIds } from './property.queries.ts';
import { type BasePropertyView, toBaseView } from './property.views.ts';

/** Base views of several listings in one statement (findViewRowsByIds), in the order asked. */
export async function loadBaseViews(
  db: Executor,
  propertyIds: readonly string[],
): Promise<BasePropertyView[]> {
  const rows = await findViewRowsByIds(db, propertyIds);
  const byId = new Map(rows.map((row) => [row.property_id, row]));
  return propertyIds.flatMap((propertyId) => {
    const row = byId.get(propertyId);
    return row ? [toBaseView(row, row.amenities, row.photos)] : [];
  });
}

export async function loadBaseView(db: Executor, propertyId: string): Promise<BasePropertyView | undefined> {
  const [view] = await loadBaseViews(db, [propertyId]);
  return view;
}

/**
 * A listing's base view through the cache (propertyViewKey, PROPERTY_VIEW_TTL_SECONDS). Every committed
 * change retires the entry's generation (invalidateListing), so a read after a write sees the write, even
 * if a slower read re-caches the old view meanwhile. The entry is the
 * same for every viewer: who sees what is decided per request (toViewerView).
 */
export async function getBaseView(
  deps: Pick<Deps, 'db' | 'cache'>,
  propertyId: string,
): Promise<BasePropertyView | undefined> {
  const key = await propertyViewKey(deps, propertyId);
  const cached = cachedBaseView.safeParse(await deps.cache.get<unknown>(key));
  if (cached.success) return cached.data;
  const view = await loadBaseView(deps.db, propertyId);
  if (view) await deps.cache.set(key, view, PROPERTY_VIEW_TTL_SECONDS);
  return view;
}
