import { findMailRecipient } from '../auth/account.queries.ts';
import type { Deps } from '../deps.ts';
import {
  findNotificationToEmail,
  listDigestPending,
  markNotificationsEmailed,
} from './notification.queries.ts';
import {
  isNotificationType,
  type MailRecipient,
  type NotificationPayloads,
  type NotificationType,
  notificationRegistry,
} from './notification.registry.ts';
import { wantsEmail } from './notification-preference.service.ts';

type EmailOutcome =
  | 'emailed'
  | 'notification not found'
  | 'recipient not active'
  | 'unknown type or payload'
  | 'not mailed for this type'
  | 'turned off by the user'
  | 'already emailed'
  | 'nothing new to email';

/** The user's address, or undefined when they get no mail (suspended, gone). */
async function activeRecipient(deps: Deps, userId: string): Promise<MailRecipient | undefined> {
  const user = await findMailRecipient(deps.db, userId);
  return user?.status === 'active' ? { email: user.email, firstName: user.first_name } : undefined;
}

/**
 * A digest's email: every notification of the group still unread and not emailed, in one mail, then
 * stamped. Nothing pending (read meanwhile, or mailed by an earlier run): nothing sent.
 */
async function sendDigest<T extends NotificationType>(
  deps: Deps,
  group: { userId: string; type: T; value: string },
): Promise<EmailOutcome> {
  const kind = notificationRegistry[group.type];
  const rule = kind.email;
  if (rule.kind !== 'digest') return 'not mailed for this type';
  const to = await activeRecipient(deps, group.userId);
  if (!to) return 'recipient not active';
  if (!(await wantsEmail(deps.db, group.userId, group.type))) return 'turned off by the user';
  const rows = await listDigestPending(deps.db, { ...group, key: rule.groupBy });
  const pending: { id: string; payload: NotificationPayloads[T] }[] = [];
  for (const row of rows) {
    const parsed = kind.payload.safeParse(row.payload);
    if (parsed.success) pending.push({ id: row.notification_id, payload: parsed.data });
  }
  const [first, ...rest] = pending;
  if (!first) return 'nothing new to email';
  await deps.mailer.send(rule.render(to, [first.payload, ...rest.map((item) => item.payload)], deps.links));
  await markNotificationsEmailed(
    deps.db,
    pending.map((item) => item.id),
    deps.clock.now(),
  );
  return 'emailed';
}

async function sendFor<T extends NotificationType>(
  deps: Deps,
  row: { notification_id: string; user_id: string; type: T; payload: unknown; emailed_at: Date | null },
): Promise<EmailOutcome> {
  const kind = notificationRegistry[row.type];
  const rule = kind.email;
  const payload = kind.payload.safeParse(row.payload);
  if (!payload.success) return 'unknown type or payload';
  switch (rule.kind) {
    case 'none':
      return 'not mailed for this type';
    case 'digest': {
      const value = payload.data[rule.groupBy];
      if (typeof value !== 'string') return 'unknown type or payload';
      return sendDigest(deps, { userId: row.user_id, type: row.type, value });
    }
    case 'immediate': {
      if (row.emailed_at !== null) return 'already emailed';
      const to = await activeRecipient(deps, row.user_id);
      if (!to) return 'recipient not active';
      if (!(await wantsEmail(deps.db, row.user_id, row.type))) return 'turned off by the user';
      await deps.mailer.send(rule.render(to, payload.data, deps.links));
      await markNotificationsEmailed(deps.db, [row.notification_id], deps.clock.now());
      return 'emailed';
    }
  }
}

/**
 * The `send_notification_email` job: mails a notification as its type's email rule says, and stamps
 * emailed_at once the mail is sent. Already stamped: nothing to do, so a replayed job sends nothing twice
 * (a crash between the send and the stamp can still repeat one mail: at least once, never lost). Suspended
 * users get no mail, and nobody gets the email of a type they turned off (notifications.updatePreferences):
 * the choice at send time counts, and the row stays unstamped.
 */
export async function sendNotificationEmail(deps: Deps, notificationId: string): Promise<void> {
  const row = await findNotificationToEmail(deps.db, notificationId);
  let outcome: EmailOutcome = 'notification not found';
  if (row) {
    outcome = isNotificationType(row.type)
      ? await sendFor(deps, { ...row, type: row.type })
      : 'unknown type or payload';
  }
  const log = { notificationId, type: row?.type, outcome };
  if (outcome === 'unknown type or payload') deps.logger.warn(log, 'notification not mailed');
  else deps.logger.info(log, 'notification email');
}

/**
 * The `send_message_email` job of earlier releases (queued per recipient and conversation, still due in a
 * live queue after a deploy): the same digest as `send_notification_email` sends for message_received.
 */
export async function sendMessageDigest(
  deps: Deps,
  job: { conversationId: string; recipientId: string },
): Promise<void> {
  const outcome = await sendDigest(deps, {
    userId: job.recipientId,
    type: 'message_received',
    value: job.conversationId,
  });
  deps.logger.info({ ...job, outcome }, 'new-message email');
}
