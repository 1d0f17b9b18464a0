import type { Deps } from '../../domain/deps.ts';
import { sendNotificationEmail } from '../../domain/notifications/notification-email.service.ts';
import { defineTask } from '../define-task.ts';

export const sendNotificationEmailTask = (deps: Deps) =>
  defineTask('send_notification_email', ({ notificationId }) => sendNotificationEmail(deps, notificationId));
