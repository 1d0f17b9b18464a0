import type { Executor } from '@stayhub/db';
import { sql } from 'kysely';
import { afterPosition, timestampKey } from '../shared/keyset.queries.ts';
import type { KeysetPosition } from '../shared/keyset-cursor.ts';
import type { NotificationOf, NotificationPayloads, NotificationType } from './notification.registry.ts';

/**
 * Creates a notification row on the caller's executor (the transaction of the event it reports). Producers
 * go through `notify`, which also queues the email its type's rule asks for; emailed_at stays null until
 * that email is sent.
 */
export function insertNotification<T extends NotificationType>(
  db: Executor,
  notification: NotificationOf<T>,
  at: { createdAt: Date },
) {
  return db
    .insertInto('notifications')
    .values({
      user_id: notification.userId,
      type: notification.type,
      payload: notification.payload,
      created_at: at.createdAt,
    })
    .returning('notification_id')
    .executeTakeFirstOrThrow();
}

/** A payload key of a type and the string values it must have: how other areas name their notifications. */
export interface PayloadMatch<T extends NotificationType> {
  userId: string;
  type: T;
  key: keyof NotificationPayloads[T] & string;
  values: readonly string[];
}

/** Whether the user has a notification of this type whose payload key has one of the values. */
export async function hasNotificationAbout<T extends NotificationType>(
  db: Executor,
  match: PayloadMatch<T>,
): Promise<boolean> {
  if (match.values.length === 0) return false;
  const row = await db
    .selectFrom('notifications')
    .select('notification_id')
    .where('user_id', '=', match.userId)
    .where('type', '=', match.type)
    .where(sql<string>`payload->>${match.key}`, 'in', match.values)
    .executeTakeFirst();
  return row !== undefined;
}

/**
 * Marks the user's unread notifications of this type whose payload key has one of the values read (a
 * message read in its conversation is read in the notification list too). Uses notifications_unread_idx.
 */
export async function markNotificationsReadAbout<T extends NotificationType>(
  db: Executor,
  match: PayloadMatch<T>,
  now: Date,
): Promise<void> {
  if (match.values.length === 0) return;
  await db
    .updateTable('notifications')
    .set({ read_at: now })
    .where('user_id', '=', match.userId)
    .where('read_at', 'is', null)
    .where('type', '=', match.type)
    .where(sql<string>`payload->>${match.key}`, 'in', match.values)
    .execute();
}

/** What the notification email task needs of one notification. */
export function findNotificationToEmail(db: Executor, notificationId: string) {
  return db
    .selectFrom('notifications')
    .select(['notification_id', 'user_id', 'type', 'payload', 'emailed_at'])
    .where('notification_id', '=', notificationId)
    .executeTakeFirst();
}

/**
 * A digest's notifications: the user's of this type whose payload key has this value, neither read nor
 * emailed, oldest first. Uses notifications_unread_idx.
 */
export function listDigestPending(
  db: Executor,
  group: { userId: string; type: NotificationType; key: string; value: string },
) {
  return db
    .selectFrom('notifications')
    .select(['notification_id', 'payload'])
    .where('user_id', '=', group.userId)
    .where('read_at', 'is', null)
    .where('emailed_at', 'is', null)
    .where('type', '=', group.type)
    .where(sql<string>`payload->>${group.key}`, '=', group.value)
    .orderBy('created_at', 'asc')
    .orderBy('notification_id', 'asc')
    .execute();
}

/** Stamps emailed_at once the email is sent; already stamped rows keep their time. */
export async function markNotificationsEmailed(
  db: Executor,
  notificationIds: readonly string[],
  now: Date,
): Promise<void> {
  if (notificationIds.length === 0) return;
  await db
    .updateTable('notifications')
    .set({ emailed_at: now })
    .where('notification_id', 'in', notificationIds)
    .where('emailed_at', 'is', null)
    .execute();
}

export const notificationColumns = ['notification_id', 'type', 'payload', 'read_at', 'created_at'] as const;

export interface NotificationFilter {
  userId: string;
  unreadOnly: boolean;
  /** The types this release can show; rows of others (a newer release's, after a rollback) are left out. */
  types: readonly string[];
  after: KeysetPosition | undefined;
  limit: number;
}

/** A user's notifications, newest first: the order of notifications_user_id_idx (user_id, created_at DESC, id). */
export function listNotificationRows(db: Executor, filter: NotificationFilter) {
  let query = db
    .selectFrom('notifications')
    .select(notificationColumns)
    .select((eb) => timestampKey(eb.ref('created_at')).as('position_key'))
    .where('user_id', '=', filter.userId)
    .where('type', 'in', filter.types);
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
