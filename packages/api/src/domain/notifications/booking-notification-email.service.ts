import type { Deps } from '../deps.ts';
import { bookingNotificationMail } from './booking-notification.mails.ts';
import { bookingNotificationPayload, bookingNotificationTypes } from './booking-notification.rules.ts';

const isBookingNotificationType = (value: string) => bookingNotificationTypes.find((type) => type === value);

/**
 * The `send_notification_email` job: mails one notification to its user and stamps emailed_at. Already
 * stamped: nothing to do, so a replayed job sends nothing twice (a crash between the send and the stamp
 * can still repeat one mail: at least once, never lost). Suspended users get no mail.
 */
export async function sendNotificationEmail(deps: Deps, notificationId: string): Promise<void> {
  const row = await deps.db
    .selectFrom('notifications')
    .innerJoin('users', 'users.user_id', 'notifications.user_id')
    .select([
      'notifications.type',
      'notifications.payload',
      'notifications.emailed_at',
      'users.email',
      'users.first_name',
      'users.status',
    ])
    .where('notifications.notification_id', '=', notificationId)
    .executeTakeFirst();
  if (!row || row.emailed_at !== null || row.status !== 'active') return;
  const type = isBookingNotificationType(row.type);
  const payload = bookingNotificationPayload.safeParse(row.payload);
  if (!type || !payload.success) {
    deps.logger.warn({ notificationId, type: row.type }, 'notification not mailed: unknown type or payload');
    return;
  }
  await deps.mailer.send(
    bookingNotificationMail({ email: row.email, firstName: row.first_name }, type, payload.data),
  );
  await deps.db
    .updateTable('notifications')
    .set({ emailed_at: deps.clock.now() })
    .where('notification_id', '=', notificationId)
    .where('emailed_at', 'is', null)
    .execute();
}
