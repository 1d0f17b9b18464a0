import { z } from 'zod';

/**
 * A notification as its user sees it. `type` names the event (review_received, message_received, and the
 * booking and payment events); `payload` holds that event's ids and display words.
 */
export const notificationView = z.object({
  notificationId: z.uuid(),
  type: z.string(),
  payload: z.record(z.string(), z.unknown()),
  readAt: z.date().nullable(),
  createdAt: z.date(),
});
export type NotificationView = z.infer<typeof notificationView>;

export const listNotificationsInput = z
  .object({
    unreadOnly: z.boolean().default(false),
    /** `nextCursor` of the previous page, as returned (null or absent for the first page). */
    cursor: z.string().max(512).nullish(),
    limit: z.number().int().min(1).max(50).default(20),
  })
  // `notifications.list()` with no input lists the first page.
  .prefault({});
export type ListNotificationsInput = z.output<typeof listNotificationsInput>;

export const notificationList = z.object({
  items: z.array(notificationView),
  nextCursor: z.string().nullable(),
});
export type NotificationList = z.infer<typeof notificationList>;

/** Either the ones listed (ids that are not the caller's are ignored) or every unread one. */
export const markNotificationsReadInput = z.union([
  z.strictObject({ notificationIds: z.array(z.uuid()).min(1).max(100) }),
  z.strictObject({ all: z.literal(true) }),
]);
export type MarkNotificationsReadInput = z.output<typeof markNotificationsReadInput>;

export const markedReadView = z.object({
  /** How many unread notifications this call marked read. */
  markedRead: z.number().int().nonnegative(),
  /** The caller's unread notifications left afterwards. */
  unreadCount: z.number().int().nonnegative(),
});
export type MarkedReadView = z.infer<typeof markedReadView>;

export const unreadCountView = z.object({ count: z.number().int().nonnegative() });
export type UnreadCountView = z.infer<typeof unreadCountView>;
