import type { Viewer } from '../auth/viewer.ts';
import type { Deps } from '../deps.ts';
import { NotFoundError } from '../errors.ts';
import {
  exportBookingsAsGuest,
  exportBookingsAsHost,
  exportCalendarBlocks,
  exportCodes,
  exportConversations,
  exportGuestReviewsAbout,
  exportGuestReviewsBy,
  exportMessages,
  exportNotificationPreferences,
  exportNotifications,
  exportPayments,
  exportPayouts,
  exportProperties,
  exportPropertyAmenities,
  exportPropertyPhotos,
  exportReviewsAbout,
  exportReviewsBy,
  exportSessions,
  exportUserRow,
  exportWishlistProperties,
  exportWishlists,
} from './account-export.queries.ts';
import type { AccountExport } from './account-export.types.ts';

/**
 * users.exportData (SPEC §10): every record StayHub holds about the viewer, read in one repeatable-read,
 * read-only transaction so the sections agree with each other (a booking and its payments, a conversation
 * and its messages).
 */
export async function exportAccountData(deps: Deps, viewer: Viewer): Promise<AccountExport> {
  const exportedAt = deps.clock.now();
  return deps.db
    .transaction()
    .setIsolationLevel('repeatable read')
    .setAccessMode('read only')
    .execute(async (trx) => {
      const id = viewer.userId;
      const user = await exportUserRow(trx, id);
      if (!user) throw new NotFoundError('user');
      return {
        exportedAt,
        user,
        sessions: await exportSessions(trx, id),
        codes: await exportCodes(trx, id),
        notificationPreferences: await exportNotificationPreferences(trx, id),
        properties: await exportProperties(trx, id),
        propertyPhotos: await exportPropertyPhotos(trx, id),
        propertyAmenities: await exportPropertyAmenities(trx, id),
        calendarBlocks: await exportCalendarBlocks(trx, id),
        bookingsAsGuest: await exportBookingsAsGuest(trx, id),
        bookingsAsHost: await exportBookingsAsHost(trx, id),
        payments: await exportPayments(trx, id),
        payouts: await exportPayouts(trx, id),
        reviewsBy: await exportReviewsBy(trx, id),
        reviewsAbout: await exportReviewsAbout(trx, id),
        guestReviewsBy: await exportGuestReviewsBy(trx, id),
        guestReviewsAbout: await exportGuestReviewsAbout(trx, id),
        conversations: await exportConversations(trx, id),
        messages: await exportMessages(trx, id),
        notifications: await exportNotifications(trx, id),
        wishlists: await exportWishlists(trx, id),
        wishlistProperties: await exportWishlistProperties(trx, id),
      };
    });
}
