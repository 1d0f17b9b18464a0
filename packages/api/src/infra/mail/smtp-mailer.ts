import nodemailer from 'nodemailer';
import type { Logger } from 'pino';
import type { Mailer, MailMessage } from './mailer.ts';

export interface SmtpMailerOptions {
  /** `smtp://user:pass@host:587` or `smtps://…:465`. */
  smtpUrl: string;
  /** The From header: `StayHub <no-reply@stayhub.example>`. */
  from: string;
  logger: Logger;
}

/**
 * Mail over SMTP when SMTP_URL is set (SPEC §6). A failed send throws, so the job that sent it is
 * retried. A connection per message (no pool), so nothing is left open between jobs.
 */
export class SmtpMailer implements Mailer {
  readonly #transport: ReturnType<typeof nodemailer.createTransport>;
  readonly #from: string;
  readonly #logger: Logger;

  constructor({ smtpUrl, from, logger }: SmtpMailerOptions) {
    this.#transport = nodemailer.createTransport(smtpUrl);
    this.#from = from;
    this.#logger = logger;
  }

  async send(message: MailMessage): Promise<void> {
    const info = await this.#transport.sendMail({
      from: this.#from,
      to: message.to,
      subject: message.subject,
      text: message.text,
      ...(message.html === undefined ? {} : { html: message.html }),
    });
    // Never the body: it carries reset and verification tokens (SPEC §7).
    this.#logger.info({ to: message.to, subject: message.subject, messageId: info.messageId }, 'mail sent');
  }

  close(): void {
    this.#transport.close();
  }
}
