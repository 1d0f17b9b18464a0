import { addDays, daysBetween } from '../shared/dates.ts';

/** SPEC §4 Reviews: a guest may review a completed stay within 14 days after its end date. */
export const REVIEW_WINDOW_DAYS = 14;

/** The last day a review is accepted: the end date plus 14, on the property's calendar. */
export function lastReviewDay(endDate: string): string {
  return addDays(endDate, REVIEW_WINDOW_DAYS);
}

/**
 * Whether `today` (the property's calendar day, todayIn) is inside the window: from the end date through
 * the 14th day after it. Earlier than the end date is never the case for a completed stay, and is treated
 * as open.
 */
export function isReviewWindowOpen(endDate: string, today: string): boolean {
  return daysBetween(endDate, today) <= REVIEW_WINDOW_DAYS;
}

/** The reminder's job key: one pending reminder per booking (SPEC §6 per-booking timers). */
export const reviewReminderJobKey = (bookingId: string) => `booking:${bookingId}:review-reminder`;

/** The reminder goes out the morning after check-out, at this hour of the property's local time. */
export const REVIEW_REMINDER_LOCAL_HOUR = 10;

/** How far `timeZone`'s wall clock is ahead of UTC at `at`, in ms (whole seconds). */
function zoneOffsetMs(timeZone: string, at: number): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(new Date(at));
  const part = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((p) => p.type === type)?.value);
  const wall = Date.UTC(
    part('year'),
    part('month') - 1,
    part('day'),
    part('hour'),
    part('minute'),
    part('second'),
  );
  return wall - Math.floor(at / 1000) * 1000;
}

/**
 * The instant a calendar day shows `hour`:00 on the wall clocks of an IANA time zone. The second pass
 * corrects for an offset that changes between UTC midnight and the local hour (DST days).
 */
export function atLocalHour(date: string, hour: number, timeZone: string): Date {
  const wall = Date.parse(`${date}T${String(hour).padStart(2, '0')}:00:00Z`);
  const firstGuess = wall - zoneOffsetMs(timeZone, wall);
  return new Date(wall - zoneOffsetMs(timeZone, firstGuess));
}

/** When the reminder runs: the morning after the end date, in the property's time zone. */
export function reviewReminderRunAt(endDate: string, timeZone: string): Date {
  return atLocalHour(addDays(endDate, 1), REVIEW_REMINDER_LOCAL_HOUR, timeZone);
}

/**
 * The first instant the review window is closed: midnight at the start of the day after lastReviewDay, on
 * the property's wall clock. The publication job runs then (SPEC §10: a review whose counterpart never
 * came is shown once the window closes).
 */
export function reviewWindowClosesAt(endDate: string, timeZone: string): Date {
  return atLocalHour(addDays(endDate, REVIEW_WINDOW_DAYS + 1), 0, timeZone);
}

/** The publication job's key: one pending publication per booking, whichever review came first. */
export const reviewPublicationJobKey = (bookingId: string) => `booking:${bookingId}:publish-reviews`;

/**
 * SPEC §10 blind reviews: neither review of a stay is shown until both are written or the window has
 * closed. `written` counts the reviews of the stay that exist (0, 1 or 2).
 */
export function mayPublishReviews(
  written: { guestReview: boolean; hostReview: boolean },
  windowOpen: boolean,
) {
  if (!written.guestReview && !written.hostReview) return false;
  return !windowOpen || (written.guestReview && written.hostReview);
}
