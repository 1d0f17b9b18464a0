import { z } from 'zod';
import { notificationTypes } from '../domain/notifications/notification.registry.ts';
import {
  type ListNotificationsInput,
  MARK_READ_MAX_IDS,
  type MarkedReadView,
  type MarkNotificationsReadInput,
  type NotificationList,
  type NotificationPreferencesView,
  type UnreadCountView,
  type UpdateNotificationPreferencesInput,
} from '../domain/notifications/notification.types.ts';
import { notificationViewSchema } from '../domain/notifications/notification.views.ts';
import { DEFAULT_PAGE_SIZE, MAX_CURSOR_LENGTH, MAX_PAGE_SIZE } from '../domain/shared/page.limits.ts';
import { schemaFor } from '../domain/shared/schema-for.ts';

/** Every type a notification can have (SPEC §10: an enum). */
export const notificationType = z.enum(notificationTypes);

/**
 * A notification as its user sees it: a union on `type`, each type with its own payload (ids and display
 * words), so an SDK consumer that checks `type` knows the payload's keys (SPEC §10). The domain builds it
 * from the notification registry.
 */
export const notificationView = notificationViewSchema;

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

/** Every type with whether the caller gets email for it; emailAvailable is false for types never mailed. */
export const notificationPreferencesView = schemaFor<NotificationPreferencesView>()(
  z.object({
    items: z.array(z.object({ type: notificationType, email: z.boolean(), emailAvailable: z.boolean() })),
  }),
);

/** `{ email: { message_received: false } }`: the types to change; unknown types are refused. */
export const updateNotificationPreferencesInput = schemaFor<UpdateNotificationPreferencesInput>()(
  z.strictObject({ email: z.partialRecord(notificationType, z.boolean()) }),
);
