import { addDays, todayIn } from '../shared/dates.ts';

/**
 * Per-booking timers (SPEC §6): each is a job with a `run_at` and a job key, so re-arming one replaces it
 * instead of queueing a second. Every task re-checks the state when it runs, so a timer that fires late,
 * early or twice changes nothing it should not; the booking sweep catches one that never fires.
 */
export const jobKeys = {
  charge: (bookingId: string) => `booking:${bookingId}:charge`,
  expire: (bookingId: string) => `booking:${bookingId}:expire`,
  complete: (bookingId: string) => `booking:${bookingId}:complete`,
  releasePayout: (payoutId: string) => `payout:${payoutId}:release`,
  refund: (paymentId: string) => `payment:${paymentId}:refund`,
} as const;

/** A request the host leaves unanswered lapses after 24 hours (SPEC §4). */
export const REQUEST_TTL_MS = 24 * 60 * 60 * 1000;

export const requestExpiresAt = (now: Date) => new Date(now.getTime() + REQUEST_TTL_MS);

/** The host's payout is released one day after check-in (SPEC §4 Payments). */
export const payoutReleaseDate = (startDate: string) => addDays(startDate, 1);

const HOUR_MS = 3_600_000;

/**
 * The instant a calendar day begins in an IANA time zone: the first second at which `todayIn(timeZone, now)`
 * reads `date`. A timer for "the end date" or "start + 1 day" runs then. Found by bisection over the 30
 * hours around UTC midnight of that date (every UTC offset lies within ±14 h), so days that a DST change
 * starts at 01:00, or that begin twice, need no special cases.
 */
export function startOfDayIn(date: string, timeZone: string): Date {
  const utcMidnight = Date.parse(`${date}T00:00:00Z`);
  let before = (utcMidnight - 15 * HOUR_MS) / 1000; // still an earlier day everywhere
  let after = (utcMidnight + 15 * HOUR_MS) / 1000; // already this day (or later) everywhere
  while (after - before > 1) {
    const middle = Math.floor((before + after) / 2);
    if (todayIn(timeZone, middle * 1000) >= date) after = middle;
    else before = middle;
  }
  return new Date(after * 1000);
}
