import { describe, expect, it } from 'vitest';
import { ManualClock } from '../../../src/infra/clock.ts';
import { queuedJobs, useTestDeps } from '../../../src/testing/index.ts';
import { notificationsOf, runJobsDueBy } from '../reviews/helpers.ts';
import { guestAskedHost } from './helpers.ts';

/**
 * Real time: graphile-worker decides what is due with the database's clock, so the manual clock starts at
 * the real now and runJobsDueBy brings forward only the jobs it has reached.
 */
const clock = new ManualClock(new Date());
const deps = await useTestDeps({ clock });

const minute = 60_000;
const quietPeriod = 15 * minute;

const mailsTo = (email: string) => deps.mailer.messages.filter((mail) => mail.to === email);
const emailJobsFor = async (conversationId: string) =>
  (await queuedJobs(deps, 'send_notification_email')).filter((job) =>
    job.key?.startsWith(`conversation:${conversationId}:`),
  );

describe('new-message emails', () => {
  it('collapses a burst into one email, sent once the quiet period after the first message has passed', async () => {
    const first = clock.now();
    const { host, guest, conversationId } = await guestAskedHost(deps, 'Hi! Is the flat free in June?');
    clock.advance(2 * minute);
    await guest.caller.messages.send({ conversationId, messageBody: 'We are two adults.' });
    clock.advance(5 * minute);
    await guest.caller.messages.send({ conversationId, messageBody: 'And a baby.' });

    const jobs = await emailJobsFor(conversationId);
    const newest = (await notificationsOf(deps, host.userId, 'message_received')).at(-1);
    expect(jobs).toEqual([
      expect.objectContaining({
        key: `conversation:${conversationId}:${host.userId}:email`,
        payload: { notificationId: newest?.notification_id },
        runAt: new Date(first.getTime() + quietPeriod),
      }),
    ]);

    await runJobsDueBy(deps, clock);
    expect(mailsTo(host.email)).toEqual([]);

    clock.set(new Date(first.getTime() + quietPeriod));
    await runJobsDueBy(deps, clock);

    const mails = mailsTo(host.email);
    expect(mails).toHaveLength(1);
    expect(mails[0]?.subject).toMatch(/^Amara sent you 3 new messages about /);
    expect(mails[0]?.text).toContain('> And a baby.');
    const notifications = await notificationsOf(deps, host.userId, 'message_received');
    expect(notifications.map((n) => n.emailed_at)).toEqual([clock.now(), clock.now(), clock.now()]);
    expect(mailsTo(guest.email)).toEqual([]);
  });

  it('starts a new quiet period for a message after the email went out, and mails only what is new', async () => {
    const { host, guest, conversationId } = await guestAskedHost(deps, 'First question');
    clock.advance(quietPeriod);
    await runJobsDueBy(deps, clock);
    expect(mailsTo(host.email)).toHaveLength(1);

    clock.advance(minute);
    const second = clock.now();
    await guest.caller.messages.send({ conversationId, messageBody: 'Second question' });
    expect((await emailJobsFor(conversationId)).map((job) => job.runAt)).toEqual([
      new Date(second.getTime() + quietPeriod),
    ]);

    clock.advance(quietPeriod);
    await runJobsDueBy(deps, clock);

    const mails = mailsTo(host.email);
    expect(mails).toHaveLength(2);
    expect(mails[1]?.subject).toMatch(/^Amara sent you a new message about /);
    expect(mails[1]?.text).toContain('> Second question');
  });

  it('sends nothing when the recipient reads the conversation during the quiet period', async () => {
    const { host, guest, conversationId } = await guestAskedHost(deps, 'Quick question');
    clock.advance(minute);
    await guest.caller.messages.send({ conversationId, messageBody: 'Another one' });
    clock.advance(minute);
    await host.caller.messages.markRead({ conversationId });

    clock.advance(quietPeriod);
    await runJobsDueBy(deps, clock);

    expect(mailsTo(host.email)).toEqual([]);
    expect(await emailJobsFor(conversationId)).toEqual([]);
  });

  it('keeps one timer per recipient: replies start their own quiet period for the other side', async () => {
    const { host, guest, conversationId } = await guestAskedHost(deps, 'Hello host');
    clock.advance(minute);
    await host.caller.messages.send({ conversationId, messageBody: 'Hello guest' });

    const keys = (await emailJobsFor(conversationId)).map((job) => job.key).sort();
    expect(keys).toEqual(
      [
        `conversation:${conversationId}:${guest.userId}:email`,
        `conversation:${conversationId}:${host.userId}:email`,
      ].sort(),
    );

    clock.advance(quietPeriod);
    await runJobsDueBy(deps, clock);
    expect(mailsTo(host.email)).toHaveLength(1);
    expect(mailsTo(guest.email)).toHaveLength(1);
    expect(mailsTo(guest.email)[0]?.subject).toMatch(/^Hana sent you a new message about /);
  });

  it('sends nothing to a recipient whose account is suspended', async () => {
    const { host, conversationId } = await guestAskedHost(deps, 'Anyone there?');
    await deps.db
      .updateTable('users')
      .set({ status: 'suspended' })
      .where('user_id', '=', host.userId)
      .execute();
    clock.advance(quietPeriod);
    await runJobsDueBy(deps, clock);
    expect(mailsTo(host.email)).toEqual([]);
    expect(await emailJobsFor(conversationId)).toEqual([]);
  });
});
