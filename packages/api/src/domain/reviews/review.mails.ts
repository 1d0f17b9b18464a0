import type { MailMessage } from '../../infra/mail/mailer.ts';
import type { AppLinks } from '../shared/app-links.ts';
import { composeMail } from '../shared/mail-layout.ts';

/** The reminder a guest gets the morning after a stay (send_review_reminder), with a link to the stay. */
export function reviewReminderMail(
  to: { email: string; firstName: string },
  stay: { bookingId: string; propertyName: string; reviewBy: string },
  links: AppLinks,
): MailMessage {
  return composeMail({
    to,
    subject: `How was your stay at ${stay.propertyName}?`,
    blocks: [
      `We hope you enjoyed ${stay.propertyName}. Your review helps other guests choose and helps your host improve. It takes a minute: rate the stay and say a few words about it in the StayHub app.`,
      `Reviews of this stay are open until ${stay.reviewBy}.`,
      { label: 'Review your stay', link: links.booking(stay.bookingId) },
      { label: 'Choose which emails you get', link: links.notificationSettings() },
    ],
  });
}
