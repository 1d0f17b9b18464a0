import { type Executor, inTransaction } from '@stayhub/db';
import { enqueue } from '../../jobs/enqueue.ts';
import type { Deps } from '../deps.ts';
import { hasNotificationAbout } from '../notifications/notification.queries.ts';
import { notify } from '../notifications/notify.ts';
import { todayIn } from '../shared/dates.ts';
import { findReminderTarget, hasReview } from './review.queries.ts';
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
 * notification and its email job (the review_reminder rule: one email each) commit together.
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
    const reminded = await hasNotificationAbout(trx, {
      userId: target.user_id,
      type: 'review_reminder',
      key: 'bookingId',
      values: [bookingId],
    });
    if (reminded) return 'already reminded';
    const reviewBy = lastReviewDay(target.end_date);
    await notify(trx, deps, {
      userId: target.user_id,
      type: 'review_reminder',
      payload: { bookingId, propertyId: target.property_id, propertyName: target.property_name, reviewBy },
    });
    return 'reminded';
  });
  deps.logger.info({ bookingId, outcome }, 'review reminder');
}
