import type { DB } from '@stayhub/db';
import type { Selectable } from 'kysely';
import { z } from 'zod';
import { schemaFor } from '../shared/schema-for.ts';
import type { notificationColumns } from './notification.queries.ts';
import { type NotificationType, notificationRegistry } from './notification.registry.ts';
import type { NotificationView } from './notification.types.ts';

export type NotificationRow = Pick<Selectable<DB['notifications']>, (typeof notificationColumns)[number]>;

function notificationOf<T extends NotificationType>(type: T) {
  return z.object({
    notificationId: z.uuid(),
    type: z.literal(type),
    payload: notificationRegistry[type].payload,
    readAt: z.date().nullable(),
    createdAt: z.date(),
  });
}

/**
 * A stored notification read as its type's view: a union on `type`, each member with its type's payload
 * schema from the registry (keys a later release added are dropped). schemas/notifications.schemas.ts
 * sends it as it is, so the SDK narrows on `type`; schemaFor keeps it equal to NotificationView, so a type
 * the registry gains without a member here fails to compile.
 */
export const notificationViewSchema = schemaFor<NotificationView>()(
  z.discriminatedUnion('type', [
    notificationOf('booking_requested'),
    notificationOf('booking_accepted'),
    notificationOf('booking_declined'),
    notificationOf('booking_expired'),
    notificationOf('booking_confirmed'),
    notificationOf('payment_failed'),
    notificationOf('booking_canceled'),
    notificationOf('refund_issued'),
    notificationOf('stay_completed'),
    notificationOf('payout_released'),
    notificationOf('review_received'),
    notificationOf('guest_review_received'),
    notificationOf('review_response'),
    notificationOf('review_reminder'),
    notificationOf('message_received'),
    notificationOf('property_suspended'),
  ]),
);

/**
 * The row as its type's view. A type this release does not know, or a payload its schema refuses (never
 * expected: notify checks what it stores), has no view.
 */
export function toNotificationView(row: NotificationRow): NotificationView | undefined {
  const parsed = notificationViewSchema.safeParse({
    notificationId: row.notification_id,
    type: row.type,
    payload: row.payload,
    readAt: row.read_at,
    createdAt: row.created_at,
  });
  return parsed.success ? parsed.data : undefined;
}
