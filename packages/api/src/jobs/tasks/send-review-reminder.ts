import type { Deps } from '../../domain/deps.ts';
import { sendReviewReminder } from '../../domain/reviews/review-reminder.service.ts';
import { defineTask } from '../define-task.ts';

export const sendReviewReminderTask = (deps: Deps) =>
  defineTask('send_review_reminder', ({ bookingId }) => sendReviewReminder(deps, bookingId));
