import { inTransaction } from '@stayhub/db';
import { describe, expect, it } from 'vitest';
import {
  scheduleReviewReminder,
  sendReviewReminder,
} from '../../../src/domain/reviews/review-reminder.service.ts';
import { addDays, todayIn } from '../../../src/domain/shared/dates.ts';
import { ManualClock } from '../../../src/infra/clock.ts';
import { queuedJobs, runDueJobs, useTestDeps } from '../../../src/testing/index.ts';
import { guestWithStay, hostWithListing, notificationsOf } from './helpers.ts';

/** Real time: the reminder's run_at must be due for graphile-worker, which reads the database's clock. */
const clock = new ManualClock(new Date());
const deps = await useTestDeps({ clock });

const today = todayIn('Europe/Lisbon', clock.now());

/** A completed stay in Lisbon that ended `daysAgo` days before today. */
async function stayEnded(daysAgo: number, status: 'completed' | 'canceled' = 'completed') {
  const { propertyId } = await hostWithListing(deps, { name: 'Alfama loft' });
  const endDate = addDays(today, -daysAgo);
  const stay = await guestWithStay(deps, propertyId, { startDate: addDays(endDate, -3), endDate }, status);
  return { ...stay, propertyId, endDate };
}

const remindersOf = (userId: string) => notificationsOf(deps, userId, 'review_reminder');

describe('scheduleReviewReminder', () => {
  it("queues one reminder per booking, at 10:00 the morning after check-out in the property's time zone", async () => {
    const { propertyId } = await hostWithListing(deps, { timezone: 'America/New_York' });
    const { bookingId } = await guestWithStay(deps, propertyId, {
      startDate: '2031-03-05',
      endDate: '2031-03-09',
    });
    const timer = { bookingId, endDate: '2031-03-09', timezone: 'America/New_York' };

    await scheduleReviewReminder(deps.db, timer);
    await scheduleReviewReminder(deps.db, timer);

    const jobs = (await queuedJobs(deps, 'send_review_reminder')).filter(
      (job) => job.key === `booking:${bookingId}:review-reminder`,
    );
    // 10 March 2031 is the first day of daylight saving time in New York: 10:00 EDT is 14:00 UTC.
    expect(jobs).toEqual([
      expect.objectContaining({ payload: { bookingId }, runAt: new Date('2031-03-10T14:00:00Z') }),
    ]);
  });

  it('queues nothing when the transaction that schedules it rolls back', async () => {
    const { bookingId, endDate } = await stayEnded(1);
    await expect(
      inTransaction(deps.db, async (trx) => {
        await scheduleReviewReminder(trx, { bookingId, endDate, timezone: 'Europe/Lisbon' });
        throw new Error('the completion failed');
      }),
    ).rejects.toThrow('the completion failed');
    const jobs = await queuedJobs(deps, 'send_review_reminder');
    expect(jobs.filter((job) => job.key === `booking:${bookingId}:review-reminder`)).toEqual([]);
  });
});

describe('the send_review_reminder job', () => {
  it('reminds the guest of a completed stay with a notification and an email', async () => {
    const { guest, bookingId, endDate, propertyId } = await stayEnded(2);
    await scheduleReviewReminder(deps.db, { bookingId, endDate, timezone: 'Europe/Lisbon' });

    await runDueJobs(deps);

    const reminders = await remindersOf(guest.userId);
    expect(reminders).toHaveLength(1);
    expect(reminders[0]).toMatchObject({
      payload: { bookingId, propertyId, propertyName: 'Alfama loft', reviewBy: addDays(endDate, 14) },
      emailed_at: clock.now(),
    });
    const mails = deps.mailer.messages.filter((mail) => mail.to === guest.email);
    expect(mails).toEqual([expect.objectContaining({ subject: 'How was your stay at Alfama loft?' })]);
    expect(mails[0]?.text).toContain(addDays(endDate, 14));
  });

  it('reminds only once, however often it runs', async () => {
    const { guest, bookingId } = await stayEnded(3);
    await sendReviewReminder(deps, bookingId);
    await sendReviewReminder(deps, bookingId);
    const reminders = await remindersOf(guest.userId);
    expect(reminders).toHaveLength(1);
    const mailJobs = (await queuedJobs(deps, 'send_notification_email')).filter((job) =>
      reminders.some((reminder) => JSON.stringify(job.payload).includes(reminder.notification_id)),
    );
    expect(mailJobs).toHaveLength(1);
  });

  it('does nothing when the guest has already reviewed the stay', async () => {
    const { guest, bookingId } = await stayEnded(2);
    await guest.caller.reviews.create({ bookingId, rating: 5, comment: 'Already done.' });
    await sendReviewReminder(deps, bookingId);
    expect(await remindersOf(guest.userId)).toEqual([]);
  });

  it('does nothing once the review window has closed', async () => {
    const { guest, bookingId } = await stayEnded(15);
    await sendReviewReminder(deps, bookingId);
    expect(await remindersOf(guest.userId)).toEqual([]);
  });

  it('does nothing for a booking that is not completed', async () => {
    const { guest, bookingId } = await stayEnded(2, 'canceled');
    await sendReviewReminder(deps, bookingId);
    expect(await remindersOf(guest.userId)).toEqual([]);
  });

  it('does nothing for a guest whose account is suspended', async () => {
    const { guest, bookingId } = await stayEnded(2);
    await deps.db
      .updateTable('users')
      .set({ status: 'suspended' })
      .where('user_id', '=', guest.userId)
      .execute();
    await sendReviewReminder(deps, bookingId);
    expect(await remindersOf(guest.userId)).toEqual([]);
  });
});
