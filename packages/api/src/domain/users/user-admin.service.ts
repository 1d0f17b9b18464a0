import { inTransaction } from '@stayhub/db';
import { recordAdminAction } from '../admin/audit.service.ts';
import { deleteSessionsOfUser } from '../auth/session.queries.ts';
import { invalidateSessionCache } from '../auth/session.service.ts';
import type { Viewer } from '../auth/viewer.ts';
import { cancelUpcomingStays } from '../bookings/booking-transition.service.ts';
import type { Deps } from '../deps.ts';
import { ConflictError, ForbiddenError, NotFoundError } from '../errors.ts';
import { invalidateListing } from '../properties/listing-cache.ts';
import { restoreListingsOfHost, suspendListingsOfHost } from '../properties/property-suspension.queries.ts';
import { keysetPage, readKeysetCursor } from '../shared/keyset-cursor.ts';
import { containsPattern } from '../shared/like-pattern.ts';
import { forgetPublicProfile } from './profile.service.ts';
import { lockUserById } from './user.queries.ts';
import { type AdminUserList, type AdminUserView, toAdminUserView } from './user.views.ts';
import type { AdminUsersInput, ReinstateUserInput, SuspendUserInput } from './user-admin.commands.ts';
import { adminUserListQuery, findAdminUserById, setUserStatus } from './user-admin.queries.ts';

/** What a guest's canceled stay says about why (the admin's own reason stays in the audit log). */
export const HOST_SUSPENDED_CANCELLATION = "The host's account was suspended by StayHub";

/** The procedure base already requires an admin; services check again so no other caller skips it. */
function assertAdmin(viewer: Viewer): void {
  if (viewer.role !== 'admin') throw new ForbiddenError();
}

/** Accounts newest first, filtered by text (email, first or last name), role and status; keyset-paged. */
export async function listUsers(deps: Deps, viewer: Viewer, input: AdminUsersInput): Promise<AdminUserList> {
  assertAdmin(viewer);
  const rows = await adminUserListQuery(deps.db, {
    pattern: input.text ? containsPattern(input.text) : undefined,
    role: input.role,
    status: input.status,
    after: readKeysetCursor(input.cursor),
    limit: input.limit + 1,
  }).execute();
  const { page, nextCursor } = keysetPage(rows, input.limit, (row) => ({
    at: row.created_at_key,
    id: row.user_id,
  }));
  return { items: page.map(toAdminUserView), nextCursor };
}

/**
 * active → suspended, and every session of the account deleted, in one transaction; with it (SPEC §10) the
 * host's listed listings suspended with them, their upcoming stays canceled with full refunds, and the
 * audit row. The cached session
 * lookups are forgotten after the commit, so the user's very next request is UNAUTHENTICATED (SPEC §7).
 * An admin cannot suspend themselves or another admin (FORBIDDEN): admins are managed outside the API, and
 * this keeps at least one admin able to act. Suspending a suspended account is a CONFLICT
 * (INVALID_TRANSITION), not a silent no-op, so a second admin learns that someone got there first and
 * the first suspension's time and reason stay as they were.
 */
export async function suspendUser(
  deps: Deps,
  viewer: Viewer,
  input: SuspendUserInput,
): Promise<AdminUserView> {
  assertAdmin(viewer);
  if (input.userId === viewer.userId) {
    throw new ForbiddenError('CANNOT_SUSPEND_SELF', 'you cannot suspend your own account');
  }
  const row = await inTransaction(deps.db, async (trx) => {
    const user = await lockUserById(trx, input.userId);
    if (!user) throw new NotFoundError('user');
    if (user.role === 'admin')
      throw new ForbiddenError('CANNOT_SUSPEND_ADMIN', 'an admin cannot be suspended');
    if (user.status === 'suspended') {
      throw new ConflictError('INVALID_TRANSITION', 'this account is already suspended');
    }
    await setUserStatus(trx, input.userId, {
      status: 'suspended',
      suspended_at: deps.clock.now(),
      suspension_reason: input.reason,
    });
    // SPEC §10 moderation: the host's listings leave search and refuse bookings; their upcoming stays are
    // canceled with a full refund and the guests told.
    const suspendedListings = await suspendListingsOfHost(trx, input.userId);
    for (const propertyId of suspendedListings) await invalidateListing(trx, deps, propertyId);
    const canceled = await cancelUpcomingStays(
      deps,
      trx,
      { hostId: input.userId },
      HOST_SUSPENDED_CANCELLATION,
    );
    await recordAdminAction(trx, deps, {
      actorId: viewer.userId,
      action: 'suspend_user',
      targetType: 'user',
      targetId: input.userId,
      reason: input.reason,
      details: { suspendedPropertyIds: suspendedListings, canceledBookingIds: canceled },
    });
    const deleted = await deleteSessionsOfUser(trx, input.userId);
    await invalidateSessionCache(
      trx,
      deps,
      deleted.map((session) => session.token_hash),
    );
    await forgetPublicProfile(trx, deps, input.userId);
    const updated = await findAdminUserById(trx, input.userId);
    if (!updated) throw new NotFoundError('user');
    return updated;
  });
  return toAdminUserView(row);
}

/**
 * suspended → active, with the listings suspended with the host listed again and the audit row (SPEC §10).
 * The user signs in again: any session that outlived the suspension (one suspended
 * outside this service) is deleted too, so no old token comes back to life. Reinstating an active
 * account is a CONFLICT (INVALID_TRANSITION).
 */
export async function reinstateUser(
  deps: Deps,
  viewer: Viewer,
  input: ReinstateUserInput,
): Promise<AdminUserView> {
  assertAdmin(viewer);
  const row = await inTransaction(deps.db, async (trx) => {
    const user = await lockUserById(trx, input.userId);
    if (!user) throw new NotFoundError('user');
    if (user.status === 'active')
      throw new ConflictError('INVALID_TRANSITION', 'this account is not suspended');
    await setUserStatus(trx, input.userId, { status: 'active', suspended_at: null, suspension_reason: null });
    // The listings suspended with the host are listed again; the stays canceled then stay canceled.
    const restored = await restoreListingsOfHost(trx, input.userId);
    for (const propertyId of restored) await invalidateListing(trx, deps, propertyId);
    await recordAdminAction(trx, deps, {
      actorId: viewer.userId,
      action: 'reinstate_user',
      targetType: 'user',
      targetId: input.userId,
      reason: input.reason,
      details: { restoredPropertyIds: restored },
    });
    const deleted = await deleteSessionsOfUser(trx, input.userId);
    await invalidateSessionCache(
      trx,
      deps,
      deleted.map((session) => session.token_hash),
    );
    await forgetPublicProfile(trx, deps, input.userId);
    const updated = await findAdminUserById(trx, input.userId);
    if (!updated) throw new NotFoundError('user');
    return updated;
  });
  return toAdminUserView(row);
}
