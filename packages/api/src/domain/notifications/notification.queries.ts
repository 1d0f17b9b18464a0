import type { Executor } from '@stayhub/db';
import { afterPosition, timestampKey } from '../shared/keyset.queries.ts';
import type { KeysetPosition } from '../shared/keyset-cursor.ts';
import type { NewNotification } from './notification.types.ts';

/**
 * Creates a notification row on the caller's executor (the transaction of the event it reports).
 * `emailedAt` is set when the same transaction queues its email.
 */
export function insertNotification(
  db: Executor,
  notification: NewNotification,
  at: { createdAt: Date; emailedAt?: Date | null },
) {
  return db
    .insertInto('notifications')
    .values({
      user_id: notification.userId,
      type: notification.type,
      payload: notification.payload,
      created_at: at.createdAt,
      emailed_at: at.emailedAt ?? null,
    })
    .returning('notification_id')
    .executeTakeFirstOrThrow();
}

export const notificationColumns = ['notification_id', 'type', 'payload', 'read_at', 'created_at'] as const;

export interface NotificationFilter {
  userId: string;
  unreadOnly: boolean;
  after: KeysetPosition | undefined;
  limit: number;
}

/** A user's notifications, newest first: the order of notifications_user_id_idx (user_id, created_at DESC, id). */
export function listNotificationRows(db: Executor, filter: NotificationFilter) {
  let query = db
    .selectFrom('notifications')
    .select(notificationColumns)
    .select((eb) => timestampKey(eb.ref('created_at')).as('position_key'))
    .where('user_id', '=', filter.userId);
  if (filter.unreadOnly) query = query.where('read_at', 'is', null);
  const { after } = filter;
  if (after) {
    query = query.where((eb) => afterPosition(eb, eb.ref('created_at'), eb.ref('notification_id'), after));
  }
  return query.orderBy('created_at', 'desc').orderBy('notification_id', 'asc').limit(filter.limit).execute();
}

/** Marks the user's unread notifications read: the ones listed, or all of them. Others' ids match nothing. */
export async function markNotificationsRead(
  db: Executor,
  userId: string,
  which: { notificationIds: readonly string[] } | { all: true },
  now: Date,
): Promise<number> {
  let query = db
    .updateTable('notifications')
    .set({ read_at: now })
    .where('user_id', '=', userId)
    .where('read_at', 'is', null);
  if ('notificationIds' in which) query = query.where('notification_id', 'in', which.notificationIds);
  const result = await query.executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/** Uses the partial index notifications_unread_idx (user_id) WHERE read_at IS NULL. */
export async function countUnreadNotifications(db: Executor, userId: string): Promise<number> {
  const row = await db
    .selectFrom('notifications')
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .where('user_id', '=', userId)
    .where('read_at', 'is', null)
    .executeTakeFirstOrThrow();
  return row.count;
}
