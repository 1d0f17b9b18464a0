import type { MailMessage } from '../../infra/mail/mailer.ts';

/** The new-message email (the message_received digest): who wrote, about which listing, and the newest message. */
export function newMessagesMail(
  to: { email: string; firstName: string },
  about: { propertyName: string; senderFirstName: string; latestBody: string; unreadCount: number },
): MailMessage {
  const what = about.unreadCount === 1 ? 'a new message' : `${about.unreadCount} new messages`;
  return {
    to: to.email,
    subject: `${about.senderFirstName} sent you ${what} about ${about.propertyName}`,
    text: [
      `Hi ${to.firstName},`,
      '',
      `${about.senderFirstName} sent you ${what} about ${about.propertyName}. The latest:`,
      '',
      about.latestBody
        .split('\n')
        .map((line) => `> ${line}`)
        .join('\n'),
      '',
      'Reply in the StayHub app.',
      '',
    ].join('\n'),
  };
}
