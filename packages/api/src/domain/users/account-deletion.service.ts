import { inTransaction } from '@stayhub/db';
import { findPasswordHash, lockEmailOf } from '../auth/account.queries.ts';
import { enforceRateLimits } from '../auth/auth.limits.ts';
import { rateLimits } from '../auth/auth.rules.ts';
import { argon2Verifier } from '../auth/credentials.ts';
import { verifyPassword } from '../auth/password.ts';
import { deleteSessionsOfUser } from '../auth/session.queries.ts';
import { invalidateSessionCache } from '../auth/session.service.ts';
import type { Viewer } from '../auth/viewer.ts';
import { hasUpcomingStays } from '../bookings/booking.queries.ts';
import type { Deps } from '../deps.ts';
import { ConflictError, UnauthenticatedError, ValidationError } from '../errors.ts';
import { invalidateListing } from '../properties/listing-cache.ts';
import type { OkView } from '../shared/ok-view.ts';
import {
  anonymiseNotificationsAbout,
  anonymiseUser,
  archivePropertiesOf,
  deleteEmailPreferencesOfUser,
  deleteNotificationsOfUser,
  deleteTokensOfUser,
  eraseMessagesSentBy,
} from './account-deletion.queries.ts';
import { forgetPublicProfile } from './profile.service.ts';
import type { DeleteAccountInput } from './user.commands.ts';

/**
 * users.deleteAccount (SPEC §10, GDPR), in one transaction once the password is right (a wrong one is a
 * field error, rate-limited per user like changePassword):
 * - refused with HAS_UPCOMING_STAYS (CONFLICT) while the user has a stay ahead as guest or host (requested,
 *   pending or confirmed, not over yet where the listing is): those need them;
 * - every session ends, and the cached lookups are forgotten after the commit: the old token is
 *   UNAUTHORIZED at the very next request;
 * - personal data is erased: name → "Deleted user", email → deleted-<id>@invalid, phone, bio and avatar
 *   emptied, the password replaced by a hash of nothing anyone knows; the bodies of their messages become
 *   "[deleted]", and other people's notifications that quoted their name or a message of theirs are
 *   rewritten the same way; their mailed codes, email preferences and own notifications are deleted;
 *   their listings are archived;
 * - what the books need is kept, with the person anonymised through the user row: bookings, payments,
 *   refunds, payouts, reviews (their rating counts in the aggregates) and conversations keep their foreign
 *   keys to the anonymised row.
 * The user row is locked first, so an email change or a second deletion of the account waits.
 */
export async function deleteAccount(deps: Deps, viewer: Viewer, input: DeleteAccountInput): Promise<OkView> {
  await enforceRateLimits(deps.limiter, [[rateLimits.deleteAccountPerUser, viewer.userId]]);
  const account = await findPasswordHash(deps.db, viewer.userId);
  if (!account || !(await verifyPassword(account.password_hash, input.password))) {
    throw new ValidationError('the password is wrong', ['password'], 'INVALID_CREDENTIALS');
  }
  const unknowable = await argon2Verifier.dummyHash();
  const now = deps.clock.now();
  const archived = await inTransaction(deps.db, async (trx) => {
    if (!(await lockEmailOf(trx, viewer.userId))) throw new UnauthenticatedError();
    if (await hasUpcomingStays(trx, viewer.userId, now)) {
      throw new ConflictError(
        'HAS_UPCOMING_STAYS',
        'this account has upcoming stays as a guest or a host; cancel them or wait until they are over',
      );
    }
    const sessions = await deleteSessionsOfUser(trx, viewer.userId);
    await invalidateSessionCache(
      trx,
      deps,
      sessions.map((session) => session.token_hash),
    );
    await deleteTokensOfUser(trx, viewer.userId);
    await deleteEmailPreferencesOfUser(trx, viewer.userId);
    await deleteNotificationsOfUser(trx, viewer.userId);
    await anonymiseNotificationsAbout(trx, viewer.userId);
    await eraseMessagesSentBy(trx, viewer.userId);
    const properties = await archivePropertiesOf(trx, viewer.userId);
    for (const { property_id } of properties) await invalidateListing(trx, deps, property_id);
    await anonymiseUser(trx, viewer.userId, { passwordHash: unknowable, deletedAt: now });
    await forgetPublicProfile(trx, deps, viewer.userId);
    return properties.length;
  });
  deps.logger.info({ userId: viewer.userId, archivedListings: archived }, 'account deleted');
  return { ok: true };
}
