/** Outgoing email (SPEC §6): SMTP when SMTP_URL is set, otherwise the dev mailbox, which can be read back. */
export interface MailMessage {
  to: string;
  subject: string;
  text: string;
  html?: string;
}

export interface Mailer {
  send(message: MailMessage): Promise<void>;
}
