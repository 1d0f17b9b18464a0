import { randomUUID } from 'node:crypto';
import { mkdir, readdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Logger } from 'pino';
import { z } from 'zod';
import type { Mailer, MailMessage } from './mailer.ts';

const storedMailSchema = z.object({
  id: z.string(),
  sentAt: z.iso.datetime(),
  to: z.string(),
  subject: z.string(),
  text: z.string(),
  html: z.string().optional(),
});

/** A message as the dev mailbox keeps it: one JSON file per message, named `${id}.json`. */
export type StoredMail = z.infer<typeof storedMailSchema>;

export interface DevMailboxOptions {
  /** Created on first send. */
  dir: string;
  logger?: Logger | undefined;
}

let sequence = 0;

/**
 * The mail transport when SMTP_URL is unset (SPEC §6): every message becomes a JSON file in `dir`, so
 * mail sent by the worker can be read by tests and the README demo from another process
 * (`readMailbox`), and is also kept in memory for tests that send in-process.
 *
 * File names sort in sending order: the send time, then a per-process sequence for messages sent in
 * the same millisecond, then a random part so processes never collide. A file is written under a
 * temporary name and renamed, so a reader never sees half a message.
 */
export class DevMailbox implements Mailer {
  readonly dir: string;
  readonly #logger: Logger | undefined;
  readonly #sent: StoredMail[] = [];

  constructor({ dir, logger }: DevMailboxOptions) {
    this.dir = dir;
    this.#logger = logger;
  }

  /** Copies of the messages this instance sent, oldest first. */
  get messages(): StoredMail[] {
    return this.#sent.map((mail) => ({ ...mail }));
  }

  async send(message: MailMessage): Promise<void> {
    const sentAt = new Date();
    sequence += 1;
    const stamp = sentAt.toISOString().replace(/[-:.]/g, '');
    const id = `${stamp}-${String(sequence).padStart(10, '0')}-${randomUUID().slice(0, 8)}`;
    const mail: StoredMail = {
      id,
      sentAt: sentAt.toISOString(),
      to: message.to,
      subject: message.subject,
      text: message.text,
      ...(message.html === undefined ? {} : { html: message.html }),
    };
    await mkdir(this.dir, { recursive: true });
    const file = path.join(this.dir, `${id}.json`);
    await writeFile(`${file}.tmp`, `${JSON.stringify(mail, null, 2)}\n`);
    await rename(`${file}.tmp`, file);
    this.#sent.push(mail);
    // Never the body: it carries reset and verification tokens (SPEC §7).
    this.#logger?.info({ to: mail.to, subject: mail.subject, file }, 'mail stored in the dev mailbox');
  }
}

/** Every message in a dev mailbox directory, oldest first; none when the directory does not exist yet. */
export async function readMailbox(dir: string): Promise<StoredMail[]> {
  let names: string[];
  try {
    names = await readdir(dir);
  } catch (error) {
    if (isErrnoException(error) && error.code === 'ENOENT') return [];
    throw error;
  }
  const files = names.filter((name) => name.endsWith('.json')).sort();
  return Promise.all(
    files.map(async (name) => {
      const parsed = storedMailSchema.safeParse(JSON.parse(await readFile(path.join(dir, name), 'utf8')));
      if (!parsed.success) throw new Error(`${path.join(dir, name)} is not a dev mailbox message`);
      return parsed.data;
    }),
  );
}

function isErrnoException(error: unknown): error is NodeJS.ErrnoException {
  return error instanceof Error && 'code' in error;
}
