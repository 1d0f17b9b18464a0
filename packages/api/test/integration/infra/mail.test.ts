import { mkdtemp, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createMailer } from '../../../src/infra/mail/create-mailer.ts';
import { DevMailbox, readMailbox } from '../../../src/infra/mail/dev-mailbox.ts';
import { SmtpMailer } from '../../../src/infra/mail/smtp-mailer.ts';
import { captureLogger, silentLogger } from './fixtures.ts';
import { startSmtpSink } from './smtp-sink.ts';

const root = await mkdtemp(path.join(os.tmpdir(), 'stayhub-mail-'));
let dirs = 0;
/** A mailbox directory that does not exist yet. */
function freshDir(): string {
  dirs += 1;
  return path.join(root, `mailbox-${dirs}`);
}

afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

const resetMail = {
  to: 'guest@example.com',
  subject: 'Reset your StayHub password',
  text: 'Your reset link: https://stayhub.example/reset?token=SECRET-TOKEN-123',
  html: '<a href="https://stayhub.example/reset?token=SECRET-TOKEN-123">Reset</a>',
};

describe('DevMailbox', () => {
  it('writes each message to its directory, where readMailbox reads it back oldest first', async () => {
    const dir = freshDir();
    const mailbox = new DevMailbox({ dir, logger: silentLogger });
    const before = Date.now();
    await mailbox.send(resetMail);
    await mailbox.send({ to: 'host@example.com', subject: 'New booking request', text: 'Please respond.' });

    const stored = await readMailbox(dir);
    expect(stored).toEqual([
      { ...resetMail, id: expect.any(String), sentAt: expect.any(String) },
      {
        to: 'host@example.com',
        subject: 'New booking request',
        text: 'Please respond.',
        id: expect.any(String),
        sentAt: expect.any(String),
      },
    ]);
    for (const mail of stored) {
      expect(new Date(mail.sentAt).toISOString()).toBe(mail.sentAt);
      expect(Date.parse(mail.sentAt)).toBeGreaterThanOrEqual(before - 1);
    }
    expect(await readdir(dir)).toEqual(stored.map((mail) => `${mail.id}.json`));
  });

  it('reads mail sent by another mailbox on the same directory, as another process would', async () => {
    const dir = freshDir();
    const worker = new DevMailbox({ dir });
    const server = new DevMailbox({ dir });
    for (let i = 0; i < 20; i += 1) {
      await (i % 2 === 0 ? worker : server).send({ to: `u${i}@example.com`, subject: `#${i}`, text: `${i}` });
    }
    const subjects = (await readMailbox(dir)).map((mail) => mail.subject);
    expect(subjects).toEqual(Array.from({ length: 20 }, (_, i) => `#${i}`));
  });

  it('keeps the messages it sent in memory, as copies', async () => {
    const mailbox = new DevMailbox({ dir: freshDir() });
    await mailbox.send(resetMail);
    const [first] = mailbox.messages;
    expect(first).toMatchObject(resetMail);
    if (first) first.subject = 'changed';
    expect(mailbox.messages[0]?.subject).toBe(resetMail.subject);
  });

  it('reads an empty mailbox from a directory nothing was sent to yet', async () => {
    expect(await readMailbox(freshDir())).toEqual([]);
  });

  it('logs who a message went to and its subject, never its body', async () => {
    const { logger, lines, text } = captureLogger();
    await new DevMailbox({ dir: freshDir(), logger }).send(resetMail);
    expect(lines()).toContainEqual(expect.objectContaining({ to: resetMail.to, subject: resetMail.subject }));
    expect(text()).not.toContain('SECRET-TOKEN-123');
  });
});

describe('SmtpMailer', () => {
  it('delivers over SMTP_URL from the configured address, logging no body', async () => {
    const sink = await startSmtpSink();
    const { logger, lines, text } = captureLogger();
    const mailer = createMailer({
      smtpUrl: sink.url,
      mailboxDir: freshDir(),
      from: 'StayHub <no-reply@stayhub.example>',
      logger,
    });
    try {
      expect(mailer).toBeInstanceOf(SmtpMailer);
      await mailer.send(resetMail);
      expect(sink.messages).toHaveLength(1);
      const [delivered] = sink.messages;
      expect(delivered?.from).toBe('<no-reply@stayhub.example>');
      expect(delivered?.to).toEqual(['<guest@example.com>']);
      expect(delivered?.data).toContain('From: StayHub <no-reply@stayhub.example>');
      expect(delivered?.data).toContain('Subject: Reset your StayHub password');
      expect(delivered?.data).toContain('SECRET-TOKEN-123');
      expect(lines()).toContainEqual(expect.objectContaining({ to: resetMail.to, msg: 'mail sent' }));
      expect(text()).not.toContain('SECRET-TOKEN-123');
    } finally {
      if (mailer instanceof SmtpMailer) mailer.close();
      await sink.close();
    }
  });

  it('fails the send when the SMTP server cannot be reached, so the job is retried', async () => {
    const mailer = new SmtpMailer({
      smtpUrl: 'smtp://127.0.0.1:1',
      from: 'no-reply@stayhub.example',
      logger: silentLogger,
    });
    await expect(mailer.send(resetMail)).rejects.toThrow();
  });
});

describe('createMailer', () => {
  it('uses the dev mailbox in the given directory when SMTP_URL is unset', async () => {
    const dir = freshDir();
    const mailer = createMailer({ mailboxDir: dir, from: 'no-reply@stayhub.example', logger: silentLogger });
    expect(mailer).toBeInstanceOf(DevMailbox);
    await mailer.send(resetMail);
    expect(await readMailbox(dir)).toHaveLength(1);
  });
});
