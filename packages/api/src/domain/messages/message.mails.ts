import type { MailMessage } from '../../infra/mail/mailer.ts';
import type { AppLinks } from '../shared/app-links.ts';
import { composeMail } from '../shared/mail-layout.ts';

/** The new-message email (the message_received digest): who wrote, about which listing, and the newest message. */
export function newMessagesMail(
  to: { email: string; firstName: string },
  about: {
    conversationId: string;
    propertyName: string;
    senderFirstName: string;
    latestBody: string;
    unreadCount: number;
  },
  links: AppLinks,
): MailMessage {
  const what = about.unreadCount === 1 ? 'a new message' : `${about.unreadCount} new messages`;
  return composeMail({
    to,
    subject: `${about.senderFirstName} sent you ${what} about ${about.propertyName}`,
    blocks: [
      `${about.senderFirstName} sent you ${what} about ${about.propertyName}. The latest:`,
      { quote: about.latestBody },
      { label: 'Reply in the StayHub app', link: links.conversation(about.conversationId) },
      { label: 'Choose which emails you get', link: links.notificationSettings() },
    ],
  });
}
