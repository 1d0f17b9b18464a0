import type { Deps } from '../../domain/deps.ts';
import { sendMessageDigest } from '../../domain/notifications/notification-email.service.ts';
import { defineTask } from '../define-task.ts';

/** Kept for jobs queued before message emails went through send_notification_email: nothing queues it now. */
export const sendMessageEmailTask = (deps: Deps) =>
  defineTask('send_message_email', (payload) => sendMessageDigest(deps, payload));
