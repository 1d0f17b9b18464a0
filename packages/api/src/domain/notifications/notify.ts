import type { Executor } from '@stayhub/db';
import { enqueue } from '../../jobs/enqueue.ts';
import type { BookingNotification } from './booking-notification.rules.ts';

/**
 * Records notifications on the caller's transaction and queues one email job each, so the rows and the
 * mails exist if and only if the change they announce commits (SPEC §4: a transition queues its
 * notifications in its own transaction).
 */
export async function notify(
  trx: Executor,
  notifications: readonly BookingNotification[],
  createdAt: Date,
): Promise<void> {
  if (notifications.length === 0) return;
  const rows = await trx
    .insertInto('notifications')
    .values(
      notifications.map((notification) => ({
        user_id: notification.userId,
        type: notification.type,
        payload: notification.payload,
        created_at: createdAt,
      })),
    )
    .returning('notification_id')
    .execute();
  for (const row of rows) {
    await enqueue(trx, 'send_notification_email', { notificationId: row.notification_id });
  }
}
