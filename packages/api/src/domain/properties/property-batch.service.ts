import type { Viewer } from '../auth/viewer.ts';
import type { Deps } from '../deps.ts';
import { NotFoundError } from '../errors.ts';
import { cachedBaseView } from './cached-base-view.ts';
import { PROPERTY_VIEW_TTL_SECONDS, propertyViewKey } from './listing-cache.ts';
import { canManage, canView } from './property.rules.ts';
import { type BasePropertyView, type PropertyView, toViewerView } from './property.views.ts';
import { listStayPropertyIds } from './property-batch.queries.ts';
import { loadBaseViews } from './property-read.ts';

/**
 * getProperty for many listings at once (GraphQL's per-request loader batches through it): the same rule —
 * listed for anyone, any other status for its host and admins, exact location for them and for guests with
 * a stay — with the base views from the cache and the misses read in one statement (findViewRowsByIds),
 * and the viewer's stays in one more. Each id answers its view or a NotFoundError, in the order asked.
 */
export async function getPropertiesForViewer(
  deps: Deps,
  viewer: Viewer | null,
  propertyIds: readonly string[],
): Promise<(PropertyView | NotFoundError)[]> {
  const bases = await baseViewsThroughCache(deps, propertyIds);
  const visible = bases.filter(
    (base): base is BasePropertyView =>
      base !== undefined && canView(base.status, canManage(viewer, base.host.userId)),
  );
  const othersIds = visible.filter((base) => !canManage(viewer, base.host.userId)).map((b) => b.propertyId);
  const stays =
    viewer === null || othersIds.length === 0
      ? new Set<string>()
      : await listStayPropertyIds(deps.db, viewer.userId, othersIds);
  return bases.map((base) => {
    if (!base || !canView(base.status, canManage(viewer, base.host.userId))) {
      return new NotFoundError('property');
    }
    return toViewerView(base, canManage(viewer, base.host.userId) || stays.has(base.propertyId));
  });
}

/** getBaseView for many ids: cache reads in parallel, one statement for the misses, which are cached. */
async function baseViewsThroughCache(
  deps: Pick<Deps, 'db' | 'cache'>,
  propertyIds: readonly string[],
): Promise<(BasePropertyView | undefined)[]> {
  const keys = await Promise.all(propertyIds.map((propertyId) => propertyViewKey(deps, propertyId)));
  const cached = await Promise.all(
    keys.map(async (key) => {
      const parsed = cachedBaseView.safeParse(await deps.cache.get<unknown>(key));
      return parsed.success ? parsed.data : undefined;
    }),
  );
  const missing = propertyIds.filter((_, index) => cached[index] === undefined);
  const loaded = new Map((await loadBaseViews(deps.db, missing)).map((view) => [view.propertyId, view]));
  return Promise.all(
    propertyIds.map(async (propertyId, index) => {
      const hit = cached[index];
      if (hit) return hit;
      const view = loaded.get(propertyId);
      const key = keys[index];
      if (view && key) await deps.cache.set(key, view, PROPERTY_VIEW_TTL_SECONDS);
      return view;
    }),
  );
}
