import type { MailMessage } from '../../infra/mail/mailer.ts';
import type { AppLinks } from '../shared/app-links.ts';
import { composeMail } from '../shared/mail-layout.ts';

type Recipient = { email: string; firstName: string };

/**
 * The mails that carry single-use codes: the code itself (to type in) and a link into the app that carries
 * it (SPEC §10: PUBLIC_URL). The code is the only secret in them and never reaches a log line.
 */
export function passwordResetMail(to: Recipient, token: string, links: AppLinks): MailMessage {
  return composeMail({
    to,
    subject: 'Reset your StayHub password',
    blocks: [
      'Someone asked to reset the password of your StayHub account. If it was you, use this code:',
      { label: 'Your reset code', code: token },
      { label: 'Or choose a new password here', link: links.resetPassword(token) },
      'It works once, within 1 hour. If it was not you, ignore this mail: your password stays as it is.',
    ],
  });
}

export function emailVerificationMail(to: Recipient, token: string, links: AppLinks): MailMessage {
  return composeMail({
    to,
    subject: 'Confirm your email for StayHub',
    blocks: [
      'Confirm that this address is yours with this code:',
      { label: 'Your verification code', code: token },
      { label: 'Or confirm it here', link: links.verifyEmail(token) },
      'It works once, within 24 hours.',
    ],
  });
}

/** To the new address: proof that it is the user's, before the account moves to it. */
export function emailChangeCodeMail(to: Recipient, code: string, links: AppLinks): MailMessage {
  return composeMail({
    to,
    subject: 'Confirm your new email for StayHub',
    blocks: [
      'You asked to use this address for your StayHub account. Confirm it with this code:',
      { label: 'Your confirmation code', code },
      { label: 'Or confirm it here', link: links.confirmEmailChange(code) },
      'It works once, within 1 hour. Until then your account keeps its current address.',
    ],
  });
}

/** To the old address, once the change is made: the owner hears of it even if someone else made it. */
export function emailChangedNoticeMail(to: Recipient, change: { newEmail: string }): MailMessage {
  return composeMail({
    to,
    subject: 'Your StayHub email was changed',
    blocks: [
      `Your StayHub account now uses ${change.newEmail}. Mail about it no longer comes to this address.`,
      'If you did not make this change, reset your password at once and contact StayHub support.',
    ],
  });
}
