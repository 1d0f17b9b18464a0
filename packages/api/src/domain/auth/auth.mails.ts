import type { MailMessage } from '../../infra/mail/mailer.ts';

/**
 * The mails that carry single-use codes. Plain text with the code itself (no link: the server knows no
 * public frontend URL); the code is the only secret in them and never reaches a log line.
 */
export function passwordResetMail(to: { email: string; firstName: string }, token: string): MailMessage {
  return {
    to: to.email,
    subject: 'Reset your StayHub password',
    text: [
      `Hi ${to.firstName},`,
      '',
      'Someone asked to reset the password of your StayHub account. If it was you, use this code:',
      '',
      `Your reset code: ${token}`,
      '',
      'It works once, within 1 hour. If it was not you, ignore this mail: your password stays as it is.',
      '',
    ].join('\n'),
  };
}

export function emailVerificationMail(to: { email: string; firstName: string }, token: string): MailMessage {
  return {
    to: to.email,
    subject: 'Confirm your email for StayHub',
    text: [
      `Hi ${to.firstName},`,
      '',
      'Confirm that this address is yours with this code:',
      '',
      `Your verification code: ${token}`,
      '',
      'It works once, within 24 hours.',
      '',
    ].join('\n'),
  };
}
