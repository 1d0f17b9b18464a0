import { z } from 'zod';
import {
  type ListNotificationsInput,
  MARK_READ_MAX_IDS,
  type MarkedReadView,
  type MarkNotificationsReadInput,
  NOTIFICATION_PAGE_LIMIT,
  type NotificationList,
  type NotificationView,
  type UnreadCountView,
} from '../domain/notifications/notification.types.ts';

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
}) satisfies z.ZodType<NotificationView>;

export const listNotificationsInput = z
  .object({
    unreadOnly: z.boolean().default(false),
    /** `nextCursor` of the previous page, as returned (null or absent for the first page). */
    cursor: z.string().max(512).nullish(),
    limit: z.number().int().min(1).max(NOTIFICATION_PAGE_LIMIT.max).default(NOTIFICATION_PAGE_LIMIT.default),
  })
  // `notifications.list()` with no input lists the first page.
  .prefault({}) satisfies z.ZodType<ListNotificationsInput>;

export const notificationList = z.object({
  items: z.array(notificationView),
  nextCursor: z.string().nullable(),
}) satisfies z.ZodType<NotificationList>;

/** Either the ones listed (ids that are not the caller's are ignored) or every unread one. */
export const markNotificationsReadInput = z.union([
  z.strictObject({ notificationIds: z.array(z.uuid()).min(1).max(MARK_READ_MAX_IDS) }),
  z.strictObject({ all: z.literal(true) }),
]) satisfies z.ZodType<MarkNotificationsReadInput>;

export const markedReadView = z.object({
  /** How many unread notifications this call marked read. */
  markedRead: z.number().int().nonnegative(),
  /** The caller's unread notifications left afterwards. */
  unreadCount: z.number().int().nonnegative(),
}) satisfies z.ZodType<MarkedReadView>;

export const unreadCountView = z.object({
  count: z.number().int().nonnegative(),
}) satisfies z.ZodType<UnreadCountView>;
