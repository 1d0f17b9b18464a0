import type { MailMessage } from '../../infra/mail/mailer.ts';

/** The reminder a guest gets the morning after a stay (send_review_reminder). Plain text, no links. */
export function reviewReminderMail(
  to: { email: string; firstName: string },
  stay: { propertyName: string; reviewBy: string },
): MailMessage {
  return {
    to: to.email,
    subject: `How was your stay at ${stay.propertyName}?`,
    text: [
      `Hi ${to.firstName},`,
      '',
      `We hope you enjoyed ${stay.propertyName}. Your review helps other guests choose and helps your host`,
      'improve. It takes a minute: rate the stay and say a few words about it in the StayHub app.',
      '',
      `Reviews of this stay are open until ${stay.reviewBy}.`,
      '',
    ].join('\n'),
  };
}
