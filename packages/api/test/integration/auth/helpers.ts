import type { DevMailbox } from '../../../src/infra/mail/dev-mailbox.ts';

/** Shared by the auth integration tests: the dev mailbox, fresh addresses (queued jobs: src/testing/jobs.ts). */

/** The code in the newest mail to `email` (reset or verification), or throws when there is none. */
export function codeMailedTo(mailbox: DevMailbox, email: string): string {
  const mail = mailbox.messages.filter((m) => m.to === email).at(-1);
  const code = mail?.text.match(/code: ([A-Za-z0-9_-]{43})$/m)?.[1];
  if (!code) throw new Error(`no code mailed to ${email}`);
  return code;
}

export function mailsTo(mailbox: DevMailbox, email: string) {
  return mailbox.messages.filter((m) => m.to === email);
}

let emailSequence = 0;

/** A fresh address per call. */
export function newEmail(label = 'user'): string {
  emailSequence += 1;
  return `${label}-${Date.now().toString(36)}-${emailSequence}@example.test`;
}

export const STRONG_PASSWORD = 'velvet-otter-harbour-42';
