/**
 * What the notifications procedures take and return (SPEC §5 notifications: list, markRead, unreadCount).
 * schemas/notifications.schemas.ts states the wire shape of these and is checked against them.
 */

/** markRead takes at most this many ids in one call. */
export const MARK_READ_MAX_IDS = 100;

/**
 * A notification as its user sees it. `type` names the event (a key of the notification registry);
 * `payload` holds that event's ids and display words, as stored.
 */
export interface NotificationView {
  notificationId: string;
  type: string;
  payload: Record<string, unknown>;
  readAt: Date | null;
  createdAt: Date;
}

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
