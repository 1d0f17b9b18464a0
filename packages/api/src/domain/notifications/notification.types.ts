/**
 * What the notifications procedures take and return (SPEC §5 notifications: list, markRead, unreadCount).
 * schemas/notifications.schemas.ts states the wire shape of these and is checked against them.
 */
import type { NotificationPayloads, NotificationType } from './notification.registry.ts';

/** markRead takes at most this many ids in one call. */
export const MARK_READ_MAX_IDS = 100;

/** A notification of one type as its user sees it: `payload` is that type's, as stored. */
export interface NotificationViewOf<T extends NotificationType> {
  notificationId: string;
  type: T;
  payload: NotificationPayloads[T];
  readAt: Date | null;
  createdAt: Date;
}

/**
 * A notification as its user sees it: a union on `type` (a key of the notification registry), so a reader
 * that checks `type` knows the payload's shape (SPEC §10).
 */
export type NotificationView = { [T in NotificationType]: NotificationViewOf<T> }[NotificationType];

export interface ListNotificationsInput {
  unreadOnly: boolean;
  /** `nextCursor` of the previous page, as returned (null or absent for the first page). */
  cursor?: string | null | undefined;
  limit: number;
}

export interface NotificationList {
  items: NotificationView[];
  nextCursor: string | null;
}

/** Either the ones listed (ids that are not the caller's are ignored) or every unread one. */
export type MarkNotificationsReadInput = { notificationIds: string[] } | { all: true };

export interface MarkedReadView {
  /** How many unread notifications this call marked read. */
  markedRead: number;
  /** The caller's unread notifications left afterwards. */
  unreadCount: number;
}

export interface UnreadCountView {
  count: number;
}

/**
 * Whether the user gets email for one type (SPEC §10 per-type email preferences). `emailAvailable` is false
 * for types that are never mailed (shown in the list only); their `email` is false.
 */
export interface NotificationPreferenceView {
  type: NotificationType;
  email: boolean;
  emailAvailable: boolean;
}

/** One entry per notification type, in the registry's order. */
export interface NotificationPreferencesView {
  items: NotificationPreferenceView[];
}

/** The types to change, each with whether to email it; types left out keep their setting. */
export interface UpdateNotificationPreferencesInput {
  email: Partial<Record<NotificationType, boolean>>;
}
