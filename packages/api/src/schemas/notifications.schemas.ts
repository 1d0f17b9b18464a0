import { z } from 'zod';
import {
  type ListNotificationsInput,
  MARK_READ_MAX_IDS,
  type MarkedReadView,
  type MarkNotificationsReadInput,
  type NotificationList,
  type NotificationView,
  type UnreadCountView,
} from '../domain/notifications/notification.types.ts';
import { DEFAULT_PAGE_SIZE, MAX_CURSOR_LENGTH, MAX_PAGE_SIZE } from '../domain/shared/page.limits.ts';
import { schemaFor } from '../domain/shared/schema-for.ts';

/**
 * A notification as its user sees it. `type` names the event (review_received, message_received, and the
 * booking and payment events); `payload` holds that event's ids and display words.
 */
export const notificationView = schemaFor<NotificationView>()(
  z.object({
    notificationId: z.uuid(),
    type: z.string(),
    payload: z.record(z.string(), z.unknown()),
    readAt: z.date().nullable(),
    createdAt: z.date(),
  }),
);

export const listNotificationsInput = schemaFor<ListNotificationsInput>()(
  z
    .object({
      unreadOnly: z.boolean().default(false),
      /** `nextCursor` of the previous page, as returned (null or absent for the first page). */
      cursor: z.string().max(MAX_CURSOR_LENGTH).nullish(),
      limit: z.number().int().min(1).max(MAX_PAGE_SIZE).default(DEFAULT_PAGE_SIZE),
    })
    // `notifications.list()` with no input lists the first page.
    .prefault({}),
);

export const notificationList = schemaFor<NotificationList>()(
  z.object({
    items: z.array(notificationView),
    nextCursor: z.string().nullable(),
  }),
);

/** Either the ones listed (ids that are not the caller's are ignored) or every unread one. */
export const markNotificationsReadInput = schemaFor<MarkNotificationsReadInput>()(
  z.union([
    z.strictObject({ notificationIds: z.array(z.uuid()).min(1).max(MARK_READ_MAX_IDS) }),
    z.strictObject({ all: z.literal(true) }),
  ]),
);

export const markedReadView = schemaFor<MarkedReadView>()(
  z.object({
    /** How many unread notifications this call marked read. */
    markedRead: z.number().int().nonnegative(),
    /** The caller's unread notifications left afterwards. */
    unreadCount: z.number().int().nonnegative(),
  }),
);

export const unreadCountView = schemaFor<UnreadCountView>()(
  z.object({ count: z.number().int().nonnegative() }),
);
