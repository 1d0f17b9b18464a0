import type { Executor } from '@stayhub/db';
import { sql } from 'kysely';

/**
 * What users.deleteAccount erases or anonymises (SPEC §10). Rows that are the person's own and nothing else
 * (codes, preferences, their notifications) go; rows others or the books still need stay with the person
 * taken out of them.
 */

/** What a deleted account is called wherever its name was shown. */
export const DELETED_NAME = { first: 'Deleted', last: 'user' } as const;
/** What a deleted account's messages read. */
export const DELETED_BODY = '[deleted]';

/** An address nobody can own (.invalid is reserved, RFC 2606), unique per account. */
export const deletedEmail = (userId: string) => `deleted-${userId}@invalid`;

export function anonymiseUser(
  db: Executor,
  userId: string,
  values: { passwordHash: string; deletedAt: Date },
) {
  return db
    .updateTable('users')
    .set({
      email: deletedEmail(userId),
      first_name: DELETED_NAME.first,
      last_name: DELETED_NAME.last,
      phone_number: null,
      bio: null,
      avatar_url: null,
      password_hash: values.passwordHash,
      status: 'suspended',
      suspended_at: values.deletedAt,
      suspension_reason: null,
      deleted_at: values.deletedAt,
    })
    .where('user_id', '=', userId)
    .executeTakeFirst();
}

export function deleteTokensOfUser(db: Executor, userId: string) {
  return db.deleteFrom('user_tokens').where('user_id', '=', userId).execute();
}

export function deleteNotificationsOfUser(db: Executor, userId: string) {
  return db.deleteFrom('notifications').where('user_id', '=', userId).execute();
}

export function deleteEmailPreferencesOfUser(db: Executor, userId: string) {
  return db.deleteFrom('notification_email_preferences').where('user_id', '=', userId).execute();
}

export function eraseMessagesSentBy(db: Executor, userId: string) {
  return db
    .updateTable('messages')
    .set({ message_body: DELETED_BODY })
    .where('sender_id', '=', userId)
    .execute();
}

/**
 * Other people's notifications that quote the person: a message's sender name and preview, the author name
 * of a review of a listing or of a guest. The payload keeps its shape (its schema still parses it).
 */
export async function anonymiseNotificationsAbout(db: Executor, userId: string): Promise<void> {
  await db
    .updateTable('notifications')
    .set({
      payload: sql`${sql.ref('payload')} || jsonb_build_object('senderFirstName', ${DELETED_NAME.first}::text, 'preview', ${DELETED_BODY}::text)`,
    })
    .where('type', '=', 'message_received')
    .where(sql<string>`payload->>'senderId'`, '=', userId)
    .execute();
  await db
    .updateTable('notifications')
    .set({
      payload: sql`${sql.ref('payload')} || jsonb_build_object('authorFirstName', ${DELETED_NAME.first}::text)`,
    })
    .where(sql<boolean>`payload ? 'authorFirstName'`)
    .where((eb) =>
      eb(
        sql<string>`payload->>'reviewId'`,
        'in',
        eb.selectFrom('reviews').select(sql<string>`review_id::text`.as('id')).where('user_id', '=', userId),
      ),
    )
    .execute();
  await db
    .updateTable('notifications')
    .set({
      payload: sql`${sql.ref('payload')} || jsonb_build_object('authorFirstName', ${DELETED_NAME.first}::text)`,
    })
    .where(sql<boolean>`payload ? 'authorFirstName'`)
    .where((eb) =>
      eb(
        sql<string>`payload->>'guestReviewId'`,
        'in',
        eb
          .selectFrom('guest_reviews')
          .select(sql<string>`guest_review_id::text`.as('id'))
          .where('author_id', '=', userId),
      ),
    )
    .execute();
}

/** The person's listings leave the marketplace for good (archived); returns them for cache invalidation. */
export function archivePropertiesOf(db: Executor, hostId: string) {
  return db
    .updateTable('properties')
    .set({ status: 'archived' })
    .where('host_id', '=', hostId)
    .where('status', '<>', 'archived')
    .returning('property_id')
    .execute();
}
