import { inTransaction } from '@stayhub/db';
import { invalidateSessionsOfUser } from '../auth/session.service.ts';
import type { Viewer } from '../auth/viewer.ts';
import type { Deps } from '../deps.ts';
import { ConflictError, NotFoundError } from '../errors.ts';
import { forgetPublicProfile } from './profile.service.ts';
import type { UpdateProfileInput } from './user.commands.ts';
import { findMeById, lockUserById, setRole, updateProfileColumns } from './user.queries.ts';
import { canBecomeHost, profileColumns } from './user.rules.ts';
import { type MeView, toMeView } from './user.views.ts';

/** The signed-in user's own view (the only one with email and phone besides admins', SPEC §4). */
export async function getMe(deps: Deps, viewer: Viewer): Promise<MeView> {
  const row = await findMeById(deps.db, viewer.userId);
  if (!row) throw new NotFoundError('user');
  return toMeView(row);
}

/** Changes the fields sent, and only those; an empty patch changes nothing and returns the current view. */
export async function updateProfile(deps: Deps, viewer: Viewer, patch: UpdateProfileInput): Promise<MeView> {
  const columns = profileColumns(patch);
  if (Object.keys(columns).length === 0) return getMe(deps, viewer);
  const row = await updateProfileColumns(deps.db, viewer.userId, columns);
  if (!row) throw new NotFoundError('user');
  await forgetPublicProfile(deps.db, deps, viewer.userId);
  return toMeView(row);
}

/**
 * guest → host. Hosts and admins already may host: CONFLICT ALREADY_HOST. Sessions cache the role, so
 * the user's cached sessions are forgotten after the commit and their very next request acts as a host.
 */
export async function becomeHost(deps: Deps, viewer: Viewer): Promise<MeView> {
  const row = await inTransaction(deps.db, async (trx) => {
    const user = await lockUserById(trx, viewer.userId);
    if (!user) throw new NotFoundError('user');
    if (!canBecomeHost(user.role)) throw new ConflictError('ALREADY_HOST', 'this account can already host');
    const updated = await setRole(trx, viewer.userId, 'host');
    // Its sessions are read after the commit: one opened meanwhile may hold the old role too.
    await invalidateSessionsOfUser(trx, deps, viewer.userId);
    await forgetPublicProfile(trx, deps, viewer.userId);
    return updated;
  });
  return toMeView(row);
}
