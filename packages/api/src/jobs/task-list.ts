import type { TaskList } from 'graphile-worker';
import type { Deps } from '../domain/deps.ts';
import type { JobName } from './catalog.ts';
import { bookingSweepTask } from './tasks/booking-sweep.ts';
import { chargeBookingTask } from './tasks/charge-booking.ts';
import { completeStayTask } from './tasks/complete-stay.ts';
import { expireBookingTask } from './tasks/expire-booking.ts';
import { publishStayReviewsTask } from './tasks/publish-stay-reviews.ts';
import { purgeExpiredSessionsTask } from './tasks/purge-expired-sessions.ts';
import { purgeExpiredUserTokensTask } from './tasks/purge-expired-user-tokens.ts';
import { refundPaymentTask } from './tasks/refund-payment.ts';
import { releasePayoutTask } from './tasks/release-payout.ts';
import { sendEmailTask } from './tasks/send-email.ts';
import { sendEmailChangeCodeTask } from './tasks/send-email-change-code.ts';
import { sendEmailVerificationTask } from './tasks/send-email-verification.ts';
import { sendMessageEmailTask } from './tasks/send-message-email.ts';
import { sendNotificationEmailTask } from './tasks/send-notification-email.ts';
import { sendPasswordResetTask } from './tasks/send-password-reset.ts';
import { sendReviewReminderTask } from './tasks/send-review-reminder.ts';

/** The explicit task list the worker runs: one entry per catalog name, checked by the type. */
export function createTaskList(deps: Deps): TaskList & Record<JobName, unknown> {
  return {
    send_email: sendEmailTask(deps),
    purge_expired_sessions: purgeExpiredSessionsTask(deps),
    send_password_reset: sendPasswordResetTask(deps),
    send_email_verification: sendEmailVerificationTask(deps),
    send_email_change_code: sendEmailChangeCodeTask(deps),
    purge_expired_user_tokens: purgeExpiredUserTokensTask(deps),
    send_review_reminder: sendReviewReminderTask(deps),
    publish_stay_reviews: publishStayReviewsTask(deps),
    send_message_email: sendMessageEmailTask(deps),
    charge_booking: chargeBookingTask(deps),
    refund_payment: refundPaymentTask(deps),
    release_payout: releasePayoutTask(deps),
    expire_booking: expireBookingTask(deps),
    complete_stay: completeStayTask(deps),
    send_notification_email: sendNotificationEmailTask(deps),
    booking_sweep: bookingSweepTask(deps),
  };
}

/** graphile-worker crontab: sweeps that catch anything a per-row timer missed (SPEC §6). */
export const crontab = [
  '0 * * * * purge_expired_sessions ?max=1',
  '30 * * * * purge_expired_user_tokens ?max=1',
  // Overdue requests, ended stays, due payouts, pending bookings whose charge job is gone.
  '*/5 * * * * booking_sweep ?max=1',
].join('\n');
