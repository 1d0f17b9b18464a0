import type { Deps } from '../deps.ts';
import { requeueCharge } from '../payments/payment-jobs.ts';
import { findDuePayouts } from '../payments/payout.queries.ts';
import { releasePayout } from '../payments/payout.service.ts';
import { todayIn } from '../shared/dates.ts';
import {
  findEndedStays,
  findOverdueRequests,
  findRunnableJobKeys,
  findStalePendingBookings,
} from './booking.queries.ts';
import { jobKeys } from './booking-timers.rules.ts';
import { completeStay, expireBooking } from './booking-timers.service.ts';

/** At most this many rows of each kind per sweep; the next sweep (5 minutes later) takes the rest. */
export const SWEEP_BATCH = 200;

/** A pending booking this long unchanged with no runnable charge job has lost it (a timer is never this late). */
export const ORPHANED_CHARGE_AFTER_MS = 15 * 60 * 1000;

/** The zone furthest ahead of UTC (UTC+14): no listing anywhere has a later "today". */
const EARLIEST_ZONE = 'Etc/GMT-14';

export interface SweepReport {
  expired: number;
  completed: number;
  payoutsReleased: number;
  chargesRequeued: number;
  failed: number;
}

/**
 * The `booking_sweep` cron job (every 5 minutes, SPEC §6): catches anything a timer missed — requests past
 * their expiry, confirmed stays whose end date has come, payouts due for release — by running the same
 * idempotent steps the timers run, one booking per transaction; and re-queues the charge job of pending
 * bookings that have none left. One row failing is logged and left to the next sweep.
 */
export async function sweepBookings(deps: Deps): Promise<SweepReport> {
  const now = deps.clock.now();
  const latestToday = todayIn(EARLIEST_ZONE, now);
  const report: SweepReport = { expired: 0, completed: 0, payoutsReleased: 0, chargesRequeued: 0, failed: 0 };

  const each = async (ids: readonly string[], step: (id: string) => Promise<boolean>) => {
    let changed = 0;
    for (const id of ids) {
      try {
        if (await step(id)) changed += 1;
      } catch (err) {
        report.failed += 1;
        deps.logger.error({ err, id }, 'booking sweep step failed');
      }
    }
    return changed;
  };

  const requests = await findOverdueRequests(deps.db, now, SWEEP_BATCH);
  report.expired = await each(
    requests.map((row) => row.booking_id),
    (id) => expireBooking(deps, id),
  );
  const ended = await findEndedStays(deps.db, latestToday, SWEEP_BATCH);
  report.completed = await each(
    ended.map((row) => row.booking_id),
    (id) => completeStay(deps, id),
  );
  const payouts = await findDuePayouts(deps.db, latestToday, SWEEP_BATCH);
  report.payoutsReleased = await each(
    payouts.map((row) => row.payout_id),
    (id) => releasePayout(deps, id),
  );

  const pending = await findStalePendingBookings(
    deps.db,
    new Date(now.getTime() - ORPHANED_CHARGE_AFTER_MS),
    SWEEP_BATCH,
  );
  const runnable = await findRunnableJobKeys(
    deps.db,
    pending.map((row) => jobKeys.charge(row.booking_id)),
  );
  report.chargesRequeued = await each(
    pending.map((row) => row.booking_id).filter((id) => !runnable.has(jobKeys.charge(id))),
    async (id) => {
      await requeueCharge(deps.db, id);
      return true;
    },
  );

  if (Object.values(report).some((count) => count > 0)) deps.logger.info(report, 'booking sweep');
  return report;
}
