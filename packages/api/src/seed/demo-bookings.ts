import type { BookingStatus, Bookings, DB, Notifications, Occupancy, Payments, Payouts } from '@stayhub/db';
import type { Insertable, Transaction } from 'kysely';
import { requestHash } from '../domain/bookings/booking.rules.ts';
import { payoutReleaseDate, requestExpiresAt } from '../domain/bookings/booking-timers.rules.ts';
import { priceSnapshotColumns } from '../domain/bookings/price-snapshot.columns.ts';
import { flatRates, hostPayoutCents, priceStay } from '../domain/bookings/pricing.rules.ts';
import { quoteRefund } from '../domain/bookings/refund.rules.ts';
import { addDays, daysBetween } from '../domain/shared/dates.ts';
import { demoProperty } from './demo-properties.ts';
import {
  bookingIds,
  notificationIds,
  occupancyIds,
  paymentIds,
  payoutIds,
  propertyIds,
  userIds,
} from './ids.ts';
import { addMinutes, atUtc } from './instants.ts';

type SeedStatus = Extract<BookingStatus, 'requested' | 'pending' | 'confirmed' | 'completed' | 'canceled'>;

/** One demo stay, its dates relative to `today`. */
interface BookingPlan {
  id: string;
  /** Numbers the idempotency keys: `seed-<n>`, `seed-charge-<n>`… */
  n: number;
  propertyId: string;
  guestId: string;
  /** First night, in days from `today` (negative: in the past). */
  startsIn: number;
  nights: number;
  guests: number;
  status: SeedStatus;
  /** When the guest booked, in days before `today` (requests and pending ones are fresh: minutes before now). */
  bookedDaysAgo: number;
  occupancyId: string | null;
  chargeId: string | null;
  refundId: string | null;
  payoutId: string | null;
}

const plans: readonly BookingPlan[] = [
  {
    id: bookingIds.lisbonRecent,
    n: 1,
    propertyId: propertyIds.lisbon,
    guestId: userIds.amara,
    startsIn: -9,
    nights: 4,
    guests: 2,
    status: 'completed',
    bookedDaysAgo: 45,
    occupancyId: occupancyIds.lisbonRecent,
    chargeId: paymentIds.lisbonRecentCharge,
    refundId: null,
    payoutId: payoutIds.lisbonRecent,
  },
  {
    id: bookingIds.lisbonEarlier,
    n: 2,
    propertyId: propertyIds.lisbon,
    guestId: userIds.lucas,
    startsIn: -40,
    nights: 5,
    guests: 3,
    status: 'completed',
    bookedDaysAgo: 75,
    occupancyId: occupancyIds.lisbonEarlier,
    chargeId: paymentIds.lisbonEarlierCharge,
    refundId: null,
    payoutId: payoutIds.lisbonEarlier,
  },
  {
    id: bookingIds.kyotoPast,
    n: 3,
    propertyId: propertyIds.kyoto,
    guestId: userIds.sofia,
    startsIn: -24,
    nights: 4,
    guests: 2,
    status: 'completed',
    bookedDaysAgo: 70,
    occupancyId: occupancyIds.kyotoPast,
    chargeId: paymentIds.kyotoPastCharge,
    refundId: null,
    payoutId: payoutIds.kyotoPast,
  },
  {
    id: bookingIds.parisUpcoming,
    n: 4,
    propertyId: propertyIds.paris,
    guestId: userIds.amara,
    startsIn: 14,
    nights: 5,
    guests: 2,
    status: 'confirmed',
    bookedDaysAgo: 6,
    occupancyId: occupancyIds.parisUpcoming,
    chargeId: paymentIds.parisUpcomingCharge,
    refundId: null,
    payoutId: payoutIds.parisUpcoming,
  },
  {
    id: bookingIds.portoRequest,
    n: 5,
    propertyId: propertyIds.porto,
    guestId: userIds.sofia,
    startsIn: 30,
    nights: 5,
    guests: 4,
    status: 'requested',
    bookedDaysAgo: 0,
    occupancyId: occupancyIds.portoRequest,
    chargeId: null,
    refundId: null,
    payoutId: null,
  },
  {
    id: bookingIds.capeTownCanceled,
    n: 6,
    propertyId: propertyIds.capeTown,
    guestId: userIds.lucas,
    startsIn: 21,
    nights: 7,
    guests: 6,
    status: 'canceled',
    bookedDaysAgo: 30,
    occupancyId: null,
    chargeId: paymentIds.capeTownCanceledCharge,
    refundId: paymentIds.capeTownCanceledRefund,
    payoutId: payoutIds.capeTownCanceled,
  },
  {
    id: bookingIds.reykjavikPending,
    n: 7,
    propertyId: propertyIds.reykjavik,
    guestId: userIds.amara,
    startsIn: 45,
    nights: 4,
    guests: 2,
    status: 'pending',
    bookedDaysAgo: 0,
    occupancyId: occupancyIds.reykjavikPending,
    chargeId: null,
    refundId: null,
    payoutId: null,
  },
];

interface PlannedBooking {
  booking: Insertable<Bookings>;
  occupancy: Insertable<Occupancy> | null;
  payments: Insertable<Payments>[];
  payout: Insertable<Payouts> | null;
}

function latest(...instants: (Date | null)[]): Date {
  return new Date(Math.max(...instants.map((d) => d?.getTime() ?? 0)));
}

function planBooking(plan: BookingPlan, today: string, now: Date): PlannedBooking {
  const property = demoProperty(plan.propertyId);
  const { price_per_night_cents, cleaning_fee_cents, currency, host_id, cancellation_policy } = property.row;
  const start_date = addDays(today, plan.startsIn);
  const end_date = addDays(start_date, plan.nights);
  const price = priceStay(flatRates(price_per_night_cents, cleaning_fee_cents), {
    startDate: start_date,
    endDate: end_date,
  });

  // Requests and pending bookings were just made; the rest happened on the calendar days the plan says.
  const createdAt =
    plan.status === 'requested'
      ? addMinutes(now, -180)
      : plan.status === 'pending'
        ? addMinutes(now, -10)
        : atUtc(addDays(today, -plan.bookedDaysAgo), '10:00');
  // Instant book charges at once; a request is accepted by the host a few hours later, then charged.
  const confirmedAt =
    plan.chargeId === null ? null : addMinutes(createdAt, property.row.instant_book ? 2 : 6 * 60);
  const completedAt = plan.status === 'completed' ? atUtc(addDays(end_date, 1), '00:15') : null;
  const canceledOn = addDays(today, -1);
  const canceledAt = plan.status === 'canceled' ? atUtc(canceledOn, '16:20') : null;
  // The guest canceled three weeks ahead: a full refund under every policy (strict needs ≥ 14 days).
  const refundCents =
    plan.status === 'canceled'
      ? quoteRefund({
          policy: cancellation_policy,
          canceller: 'guest',
          daysBeforeStart: daysBetween(canceledOn, start_date),
          breakdown: price,
          paidCents: price.totalCents,
        }).refundCents
      : null;

  const booking: Insertable<Bookings> = {
    booking_id: plan.id,
    property_id: plan.propertyId,
    user_id: plan.guestId,
    start_date,
    end_date,
    guests: plan.guests,
    status: plan.status,
    ...priceSnapshotColumns(price),
    currency,
    payment_method: 'credit_card',
    payment_token: 'tok_visa',
    idempotency_key: `seed-${plan.n}`,
    request_hash: requestHash({
      propertyId: plan.propertyId,
      startDate: start_date,
      endDate: end_date,
      guests: plan.guests,
      paymentMethod: 'credit_card',
      paymentToken: 'tok_visa',
    }),
    canceled_by: canceledAt ? 'guest' : null,
    canceled_at: canceledAt,
    cancellation_reason: canceledAt ? 'Our travel dates changed, sorry!' : null,
    refund_cents: refundCents,
    expires_at: plan.status === 'requested' ? requestExpiresAt(createdAt) : null,
    confirmed_at: confirmedAt,
    completed_at: completedAt,
    created_at: createdAt,
    updated_at: latest(createdAt, confirmedAt, completedAt, canceledAt),
  };

  const occupancy: Insertable<Occupancy> | null = plan.occupancyId
    ? {
        occupancy_id: plan.occupancyId,
        property_id: plan.propertyId,
        kind: 'booking',
        booking_id: plan.id,
        start_date,
        end_date,
        note: null,
        created_at: createdAt,
      }
    : null;

  const payments: Insertable<Payments>[] = [];
  if (plan.chargeId && confirmedAt) {
    payments.push({
      payment_id: plan.chargeId,
      booking_id: plan.id,
      kind: 'charge',
      amount_cents: price.totalCents,
      currency,
      payment_method: 'credit_card',
      status: 'succeeded',
      provider_reference: `sim_ch_seed_${plan.n}`,
      idempotency_key: `seed-charge-${plan.n}`,
      attempts: 1,
      failure_code: null,
      payment_date: confirmedAt,
      created_at: addMinutes(confirmedAt, -1),
      updated_at: confirmedAt,
    });
  }
  if (plan.refundId && canceledAt && refundCents !== null) {
    const refundedAt = addMinutes(canceledAt, 1);
    payments.push({
      payment_id: plan.refundId,
      booking_id: plan.id,
      kind: 'refund',
      amount_cents: refundCents,
      currency,
      payment_method: 'credit_card',
      status: 'succeeded',
      provider_reference: `sim_re_seed_${plan.n}`,
      idempotency_key: `seed-refund-${plan.n}`,
      attempts: 1,
      failure_code: null,
      payment_date: refundedAt,
      created_at: canceledAt,
      updated_at: refundedAt,
    });
  }

  let payout: Insertable<Payouts> | null = null;
  if (plan.payoutId && confirmedAt) {
    // Released by the payout job one day after check-in (SPEC §4); a canceled stay's payout never is.
    const release_date = payoutReleaseDate(start_date);
    const releasedAt = plan.status === 'completed' ? atUtc(release_date, '09:00') : null;
    payout = {
      payout_id: plan.payoutId,
      host_id,
      booking_id: plan.id,
      amount_cents: hostPayoutCents(price),
      currency,
      status:
        plan.status === 'completed' ? 'released' : plan.status === 'canceled' ? 'canceled' : 'scheduled',
      release_date,
      released_at: releasedAt,
      provider_reference: releasedAt ? `sim_po_seed_${plan.n}` : null,
      created_at: confirmedAt,
      updated_at: latest(confirmedAt, releasedAt, canceledAt),
    };
  }

  return { booking, occupancy, payments, payout };
}

function notifications(planned: readonly PlannedBooking[]): Insertable<Notifications>[] {
  const bookingOf = (id: string) => planned.find((p) => p.booking.booking_id === id)?.booking;
  const paris = bookingOf(bookingIds.parisUpcoming);
  const porto = bookingOf(bookingIds.portoRequest);
  const rows: Insertable<Notifications>[] = [];
  if (paris?.confirmed_at) {
    rows.push({
      notification_id: notificationIds.parisConfirmed,
      user_id: userIds.amara,
      type: 'booking.confirmed',
      payload: { bookingId: bookingIds.parisUpcoming },
      created_at: paris.confirmed_at,
    });
  }
  if (porto?.created_at) {
    rows.push({
      notification_id: notificationIds.portoRequested,
      user_id: demoProperty(propertyIds.porto).row.host_id,
      type: 'booking.requested',
      payload: { bookingId: bookingIds.portoRequest },
      created_at: porto.created_at,
    });
  }
  return rows;
}

/**
 * Inserts the demo bookings that are not there yet, each with what the app would have written along
 * the way: the date hold (requested, pending, confirmed, completed; a canceled stay released it), the
 * charge and refund, the host payout and the notifications.
 */
export async function seedBookings(trx: Transaction<DB>, today: string, now: Date): Promise<number> {
  const all = plans.map((plan) => planBooking(plan, today, now));
  const inserted = await trx
    .insertInto('bookings')
    .values(all.map((p) => p.booking))
    .onConflict((oc) => oc.column('booking_id').doNothing())
    .returning('booking_id')
    .execute();
  // Everything else only for bookings created now: the app may have moved an older one on since
  // (a canceled stay must not get its hold back).
  const fresh = all.filter((p) => inserted.some((r) => r.booking_id === p.booking.booking_id));
  if (fresh.length === 0) return 0;

  const holds = fresh.flatMap((p) => (p.occupancy ? [p.occupancy] : []));
  if (holds.length > 0) {
    await trx
      .insertInto('occupancy')
      .values(holds)
      .onConflict((oc) => oc.column('occupancy_id').doNothing())
      .execute();
  }
  const payments = fresh.flatMap((p) => p.payments);
  if (payments.length > 0) {
    await trx
      .insertInto('payments')
      .values(payments)
      .onConflict((oc) => oc.column('payment_id').doNothing())
      .execute();
  }
  const payouts = fresh.flatMap((p) => (p.payout ? [p.payout] : []));
  if (payouts.length > 0) {
    await trx
      .insertInto('payouts')
      .values(payouts)
      .onConflict((oc) => oc.column('payout_id').doNothing())
      .execute();
  }
  const notes = notifications(fresh);
  if (notes.length > 0) {
    await trx
      .insertInto('notifications')
      .values(notes)
      .onConflict((oc) => oc.column('notification_id').doNothing())
      .execute();
  }
  return inserted.length;
}

/**
 * The calendar of a demo booking for `today`: its stay and the day it was booked (the reviews and
 * messages steps place themselves by these).
 */
export function demoStay(
  id: string,
  today: string,
): { start_date: string; end_date: string; booked_on: string } {
  const plan = plans.find((p) => p.id === id);
  if (!plan) throw new Error(`no demo booking ${id}`);
  const start_date = addDays(today, plan.startsIn);
  return {
    start_date,
    end_date: addDays(start_date, plan.nights),
    booked_on: addDays(today, -plan.bookedDaysAgo),
  };
}
