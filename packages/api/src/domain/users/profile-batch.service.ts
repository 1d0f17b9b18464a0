import type { Deps } from '../deps.ts';
import { NotFoundError } from '../errors.ts';
import { type CachedProfile, PROFILE_CACHE_TTL_SECONDS, profileCacheKey } from './profile.service.ts';
import { findHostStatsByIds, findProfileRowsByIds } from './profile-batch.queries.ts';
import { type PublicProfileView, toPublicProfileView } from './user.views.ts';

/**
 * getPublicProfile for many users at once (GraphQL's loader batches hosts and review authors through it):
 * the same cache entries, the misses read in two statements whatever their number, the same rule — a
 * suspended or unknown account answers a NotFoundError; a host (or an admin with listings) shows stats.
 */
export async function getPublicProfiles(
  deps: Deps,
  userIds: readonly string[],
): Promise<(PublicProfileView | NotFoundError)[]> {
  const cached = await Promise.all(
    userIds.map(async (userId) => {
      const entry = await deps.cache.get<CachedProfile>(profileCacheKey(userId));
      return entry ? { ...entry, joinedAt: new Date(entry.joinedAt) } : undefined;
    }),
  );
  const missing = userIds.filter((_, index) => cached[index] === undefined);
  const rows = (await findProfileRowsByIds(deps.db, missing)).filter((row) => row.status === 'active');
  const hostIds = rows.filter((row) => row.role !== 'guest').map((row) => row.user_id);
  const stats = new Map((await findHostStatsByIds(deps.db, hostIds)).map((row) => [row.host_id, row]));
  const loaded = new Map<string, PublicProfileView>();
  for (const row of rows) {
    const hostStats =
      row.role === 'guest'
        ? null
        : (stats.get(row.user_id) ?? { listed_properties: 0, review_count: 0, rating_avg: null });
    const isHost = row.role === 'host' || (hostStats?.listed_properties ?? 0) > 0;
    const view = toPublicProfileView(row, isHost ? hostStats : null);
    loaded.set(row.user_id, view);
    const entry: CachedProfile = { ...view, joinedAt: view.joinedAt.toISOString() };
    await deps.cache.set(profileCacheKey(row.user_id), entry, PROFILE_CACHE_TTL_SECONDS);
  }
  return userIds.map((userId, index) => cached[index] ?? loaded.get(userId) ?? new NotFoundError('user'));
}
