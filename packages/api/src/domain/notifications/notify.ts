import type { Executor } from '@stayhub/db';
import { enqueue } from '../../jobs/enqueue.ts';
import type { Deps } from '../deps.ts';
import { insertNotification } from './notification.queries.ts';
import { type NotificationOf, type NotificationType, notificationRegistry } from './notification.registry.ts';

/**
 * The one way to notify a user: records the notification on the caller's transaction and queues the email
 * its type's rule asks for (SQL add_job on the same transaction), so the row and the mail exist if and
 * only if the change they announce commits (SPEC §4: a transition queues its notifications in its own
 * transaction). The payload is checked against the type's schema before it is stored.
 */
export async function notify<T extends NotificationType>(
  trx: Executor,
  deps: Pick<Deps, 'clock'>,
  notification: NotificationOf<T>,
): Promise<void> {
  const kind = notificationRegistry[notification.type];
  // Checked, but stored as given: a key the schema lacks fails the registry test instead of vanishing.
  const payload = kind.payload.parse(notification.payload);
  const createdAt = deps.clock.now();
  const { notification_id: notificationId } = await insertNotification(trx, notification, { createdAt });
  const rule = kind.email;
  switch (rule.kind) {
    case 'none':
      return;
    case 'immediate':
      await enqueue(trx, 'send_notification_email', { notificationId });
      return;
    case 'digest':
      // The key keeps the burst's first run time (preserve_run_at); the payload names the newest row, any
      // of which leads the task to the whole group.
      await enqueue(
        trx,
        'send_notification_email',
        { notificationId },
        {
          jobKey: rule.jobKey(notification.userId, payload),
          jobKeyMode: 'preserve_run_at',
          runAt: new Date(createdAt.getTime() + rule.quietPeriodMs),
        },
      );
      return;
  }
}
