import type { Executor } from '@stayhub/db';
import { type RawBuilder, sql } from 'kysely';
import type { ExportRecord } from './account-export.types.ts';

/**
 * Rows for users.exportData, each as to_jsonb of the whole row so a column added later is exported too;
 * `omit` names the secrets left out. Every query is keyed on the user's own ids (their rows, their
 * listings, their conversations).
 */
function rowJson(alias: string, omit: readonly string[] = []): RawBuilder<ExportRecord> {
  const row = sql<ExportRecord>`to_jsonb(${sql.table(alias)})`;
  return omit.length === 0 ? row : sql<ExportRecord>`${row} - ${sql.val(omit)}::text[]`;
}

const rows = (found: { row: ExportRecord }[]) => found.map((item) => item.row);

export async function exportUserRow(db: Executor, userId: string) {
  const found = await db
    .selectFrom('users as t')
    .select(rowJson('t', ['password_hash']).as('row'))
    .where('t.user_id', '=', userId)
    .executeTakeFirst();
  return found?.row;
}

export async function exportSessions(db: Executor, userId: string) {
  return rows(
    await db
      .selectFrom('sessions as t')
      .select(rowJson('t', ['token_hash']).as('row'))
      .where('t.user_id', '=', userId)
      .orderBy('t.created_at')
      .execute(),
  );
}

export async function exportCodes(db: Executor, userId: string) {
  return rows(
    await db
      .selectFrom('user_tokens as t')
      .select(rowJson('t', ['token_hash']).as('row'))
      .where('t.user_id', '=', userId)
      .orderBy('t.created_at')
      .execute(),
  );
}

export async function exportNotificationPreferences(db: Executor, userId: string) {
  return rows(
    await db
      .selectFrom('notification_email_preferences as t')
      .select(rowJson('t').as('row'))
      .where('t.user_id', '=', userId)
      .orderBy('t.type')
      .execute(),
  );
}

export async function exportProperties(db: Executor, userId: string) {
  return rows(
    await db
      .selectFrom('properties as t')
      .select(rowJson('t').as('row'))
      .where('t.host_id', '=', userId)
      .orderBy('t.created_at')
      .execute(),
  );
}

export async function exportPropertyPhotos(db: Executor, userId: string) {
  return rows(
    await db
      .selectFrom('property_photos as t')
      .innerJoin('properties', 'properties.property_id', 't.property_id')
      .select(rowJson('t').as('row'))
      .where('properties.host_id', '=', userId)
      .orderBy('t.property_id')
      .orderBy('t.position')
      .execute(),
  );
}

export async function exportPropertyAmenities(db: Executor, userId: string) {
  return rows(
    await db
      .selectFrom('property_amenities as t')
      .innerJoin('properties', 'properties.property_id', 't.property_id')
      .select(rowJson('t').as('row'))
      .where('properties.host_id', '=', userId)
      .orderBy('t.property_id')
      .orderBy('t.amenity_id')
      .execute(),
  );
}

export async function exportCalendarBlocks(db: Executor, userId: string) {
  return rows(
    await db
      .selectFrom('occupancy as t')
      .innerJoin('properties', 'properties.property_id', 't.property_id')
      .select(rowJson('t').as('row'))
      .where('properties.host_id', '=', userId)
      .where('t.kind', '=', 'block')
      .orderBy('t.property_id')
      .orderBy('t.start_date')
      .execute(),
  );
}

/** The payment method token is the means to charge: a secret, not data about the person. */
const bookingSecrets = ['payment_token', 'request_hash'] as const;

export async function exportBookingsAsGuest(db: Executor, userId: string) {
  return rows(
    await db
      .selectFrom('bookings as t')
      .select(rowJson('t', bookingSecrets).as('row'))
      .where('t.user_id', '=', userId)
      .orderBy('t.created_at')
      .execute(),
  );
}

export async function exportBookingsAsHost(db: Executor, userId: string) {
  return rows(
    await db
      .selectFrom('bookings as t')
      .innerJoin('properties', 'properties.property_id', 't.property_id')
      .select(rowJson('t', bookingSecrets).as('row'))
      .where('properties.host_id', '=', userId)
      .orderBy('t.created_at')
      .execute(),
  );
}

export async function exportPayments(db: Executor, userId: string) {
  return rows(
    await db
      .selectFrom('payments as t')
      .innerJoin('bookings', 'bookings.booking_id', 't.booking_id')
      .select(rowJson('t').as('row'))
      .where('bookings.user_id', '=', userId)
      .orderBy('t.created_at')
      .execute(),
  );
}

export async function exportPayouts(db: Executor, userId: string) {
  return rows(
    await db
      .selectFrom('payouts as t')
      .select(rowJson('t').as('row'))
      .where('t.host_id', '=', userId)
      .orderBy('t.created_at')
      .execute(),
  );
}

export async function exportReviewsBy(db: Executor, userId: string) {
  return rows(
    await db
      .selectFrom('reviews as t')
      .select(rowJson('t').as('row'))
      .where('t.user_id', '=', userId)
      .orderBy('t.created_at')
      .execute(),
  );
}

export async function exportReviewsAbout(db: Executor, userId: string) {
  return rows(
    await db
      .selectFrom('reviews as t')
      .innerJoin('properties', 'properties.property_id', 't.property_id')
      .select(rowJson('t').as('row'))
      .where('properties.host_id', '=', userId)
      .orderBy('t.created_at')
      .execute(),
  );
}

export async function exportGuestReviewsBy(db: Executor, userId: string) {
  return rows(
    await db
      .selectFrom('guest_reviews as t')
      .select(rowJson('t').as('row'))
      .where('t.author_id', '=', userId)
      .orderBy('t.created_at')
      .execute(),
  );
}

export async function exportGuestReviewsAbout(db: Executor, userId: string) {
  return rows(
    await db
      .selectFrom('guest_reviews as t')
      .select(rowJson('t').as('row'))
      .where('t.guest_id', '=', userId)
      .orderBy('t.created_at')
      .execute(),
  );
}

export async function exportConversations(db: Executor, userId: string) {
  return rows(
    await db
      .selectFrom('conversations as t')
      .select(rowJson('t').as('row'))
      .where((eb) => eb.or([eb('t.guest_id', '=', userId), eb('t.host_id', '=', userId)]))
      .orderBy('t.created_at')
      .execute(),
  );
}

export async function exportMessages(db: Executor, userId: string) {
  return rows(
    await db
      .selectFrom('messages as t')
      .innerJoin('conversations', 'conversations.conversation_id', 't.conversation_id')
      .select(rowJson('t').as('row'))
      .where((eb) =>
        eb.or([eb('conversations.guest_id', '=', userId), eb('conversations.host_id', '=', userId)]),
      )
      .orderBy('t.sent_at')
      .orderBy('t.message_id')
      .execute(),
  );
}

export async function exportNotifications(db: Executor, userId: string) {
  return rows(
    await db
      .selectFrom('notifications as t')
      .select(rowJson('t').as('row'))
      .where('t.user_id', '=', userId)
      .orderBy('t.created_at')
      .execute(),
  );
}

export async function exportWishlists(db: Executor, userId: string) {
  return rows(
    await db
      .selectFrom('wishlists as t')
      .select(rowJson('t').as('row'))
      .where('t.user_id', '=', userId)
      .orderBy('t.created_at')
      .execute(),
  );
}

export async function exportWishlistProperties(db: Executor, userId: string) {
  return rows(
    await db
      .selectFrom('wishlist_properties as t')
      .innerJoin('wishlists', 'wishlists.wishlist_id', 't.wishlist_id')
      .select(rowJson('t').as('row'))
      .where('wishlists.user_id', '=', userId)
      .orderBy('t.created_at')
      .execute(),
  );
}
