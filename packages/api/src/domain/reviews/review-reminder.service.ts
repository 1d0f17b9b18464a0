import { type Executor, inTransaction } from '@stayhub/db';
import { enqueue } from '../../jobs/enqueue.ts';
import type { Deps } from '../deps.ts';
import { insertNotification } from '../notifications/notification.queries.ts';
import { todayIn } from '../shared/dates.ts';
import { reviewReminderMail } from './review.mails.ts';
import { findReminderTarget, hasReview, hasReviewReminder } from './review.queries.ts';
import {
  isReviewWindowOpen,
  lastReviewDay,
  reviewReminderJobKey,
  reviewReminderRunAt,
} from './review.rules.ts';

export interface ReviewReminderTimer {
  bookingId: string;
  /** The stay's end date ('YYYY-MM-DD'). */
  endDate: string;
  /** The property's IANA time zone: the reminder goes out the next morning there. */
  timezone: string;
}

/**
 * Queues the review reminder on the caller's executor — the transaction that completes the booking, so the
 * reminder exists if and only if the completion commits (SPEC §6). Its job key keeps one per booking.
 */
export async function scheduleReviewReminder(executor: Executor, timer: ReviewReminderTimer): Promise<void> {
  await enqueue(
    executor,
    'send_review_reminder',
    { bookingId: timer.bookingId },
    {
      runAt: reviewReminderRunAt(timer.endDate, timer.timezone),
      jobKey: reviewReminderJobKey(timer.bookingId),
    },
  );
}

type ReminderOutcome =
  | 'reminded'
  | 'booking not found'
  | 'stay not completed'
  | 'guest not active'
  | 'review window closed'
  | 'already reviewed'
  | 'already reminded';

/**
 * The `send_review_reminder` job. It re-checks everything (the stay is completed, not reviewed, the window
 * still open, the guest active and not reminded yet), so a retry or a stale job does nothing. The guest's
 * notification and its email job commit together.
 */
export async function sendReviewReminder(deps: Deps, bookingId: string): Promise<void> {
  const now = deps.clock.now();
  const outcome = await inTransaction(deps.db, async (trx): Promise<ReminderOutcome> => {
    const target = await findReminderTarget(trx, bookingId);
    if (!target) return 'booking not found';
    if (target.status !== 'completed') return 'stay not completed';
    if (target.user_status !== 'active') return 'guest not active';
    if (!isReviewWindowOpen(target.end_date, todayIn(target.timezone, now))) return 'review window closed';
    if (await hasReview(trx, bookingId)) return 'already reviewed';
    if (await hasReviewReminder(trx, target.user_id, bookingId)) return 'already reminded';
    const reviewBy = lastReviewDay(target.end_date);
    await insertNotification(
      trx,
      {
        userId: target.user_id,
        type: 'review_reminder',
        payload: {
          bookingId,
          propertyId: target.property_id,
          propertyName: target.property_name,
          reviewBy,
        },
      },
      { createdAt: now, emailedAt: now },
    );
    await enqueue(
      trx,
      'send_email',
      reviewReminderMail(
        { email: target.email, firstName: target.first_name },
        { propertyName: target.property_name, reviewBy },
      ),
    );
    return 'reminded';
  });
  deps.logger.info({ bookingId, outcome }, 'review reminder');
}
