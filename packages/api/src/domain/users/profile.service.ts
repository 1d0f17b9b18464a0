import { afterCommit, type Executor } from '@stayhub/db';
import type { Deps } from '../deps.ts';
import { NotFoundError } from '../errors.ts';
import { findHostStats, findProfileRowById } from './user.queries.ts';
import { type PublicProfileView, toPublicProfileView } from './user.views.ts';

/**
 * Public profiles are read on every listing and review page, so they are cached briefly. Every change
 * this service layer makes to what a profile shows (updateProfile, becomeHost, suspend, reinstate)
 * deletes the entry once it commits (forgetPublicProfile); host stats (listings, reviews) may lag by up to the TTL.
 */
export const PROFILE_CACHE_TTL_SECONDS = 60;

export const profileCacheKey = (userId: string) => `profile:${userId}`;

/** The cache holds JSON, so the Date travels as an ISO string. */
export type CachedProfile = Omit<PublicProfileView, 'joinedAt'> & { joinedAt: string };

/**
 * Anyone's view of a user (SPEC §4: never email or phone). A suspended account is hidden like an unknown
 * one: a resource the viewer may not see answers NOT_FOUND.
 */
export async function getPublicProfile(deps: Deps, userId: string): Promise<PublicProfileView> {
  const key = profileCacheKey(userId);
  const cached = await deps.cache.get<CachedProfile>(key);
  if (cached) return { ...cached, joinedAt: new Date(cached.joinedAt) };

  const row = await findProfileRowById(deps.db, userId);
  if (row?.status !== 'active') throw new NotFoundError('user');
  // Admins can own listings too; their profile shows them as a host only when they have some.
  const stats = row.role === 'guest' ? null : await findHostStats(deps.db, userId);
  const isHost = row.role === 'host' || (stats?.listed_properties ?? 0) > 0;
  const view = toPublicProfileView(row, isHost ? stats : null);

  const entry: CachedProfile = { ...view, joinedAt: view.joinedAt.toISOString() };
  await deps.cache.set(key, entry, PROFILE_CACHE_TTL_SECONDS);
  return view;
}

/**
 * On the executor of a change to what the profile shows: deletes the entry once that change commits
 * (afterCommit; earlier, a concurrent read could re-cache the old row).
 */
export function forgetPublicProfile(
  executor: Executor,
  deps: Pick<Deps, 'cache'>,
  userId: string,
): Promise<void> {
  return afterCommit(executor, () => deps.cache.delete(profileCacheKey(userId)));
}
