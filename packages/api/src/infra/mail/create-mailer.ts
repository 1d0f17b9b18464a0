import type { Logger } from 'pino';
import { DevMailbox } from './dev-mailbox.ts';
import type { Mailer } from './mailer.ts';
import { SmtpMailer } from './smtp-mailer.ts';

export interface CreateMailerOptions {
  /** SMTP_URL; unset → the dev mailbox. */
  smtpUrl?: string | undefined;
  /** Where the dev mailbox writes messages. */
  mailboxDir: string;
  /** The From header of SMTP mail. */
  from: string;
  logger: Logger;
}

export function createMailer({ smtpUrl, mailboxDir, from, logger }: CreateMailerOptions): Mailer {
  if (smtpUrl) return new SmtpMailer({ smtpUrl, from, logger });
  logger.info({ dir: mailboxDir }, 'no SMTP_URL: mail goes to the dev mailbox');
  return new DevMailbox({ dir: mailboxDir, logger });
}
