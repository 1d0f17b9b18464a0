import { type Executor, inTransaction } from '@stayhub/db';
import { enqueue } from '../../jobs/enqueue.ts';
import type { Viewer } from '../auth/viewer.ts';
import { isUniqueViolation, orDatesUnavailable } from '../db-errors.ts';
import type { Deps } from '../deps.ts';
import { ConflictError, NotFoundError, RuleViolationError, ValidationError } from '../errors.ts';
import { notify } from '../notifications/notify.ts';
import { queueCharge } from '../payments/payment-jobs.ts';
import { invalidateAvailability } from '../properties/listing-cache.ts';
import { findNightPrices } from '../properties/night-price.queries.ts';
import { canManage, canView } from '../properties/property.rules.ts';
import { todayIn } from '../shared/dates.ts';
import { enforceUserRateLimit } from '../shared/user-rate-limits.ts';
import {
  type BookableProperty,
  findBookableProperty,
  findBookingViewRow,
  findByIdempotencyKey,
  insertBooking,
  insertHold,
  isRangeFree,
  lockBookableProperty,
} from './booking.queries.ts';
import { requestHash, type StayRefusal, stayRefusal, stayRefusalMessages } from './booking.rules.ts';
import type { CreateBookingInput, QuoteInput } from './booking.types.ts';
import { type BookingView, type QuoteView, toBookingView } from './booking.views.ts';
import { noticeFor } from './booking-notices.ts';
import { bookingViewById } from './booking-read.service.ts';
import { initialStatus } from './booking-status.rules.ts';
import { jobKeys, requestExpiresAt } from './booking-timers.rules.ts';
import { priceSnapshotColumns } from './price-snapshot.columns.ts';
import { type PriceBreakdown, priceStay } from './pricing.rules.ts';

type Unavailable = QuoteView['unavailableReason'];

/**
 * Whether this viewer may book the listing at all. A listing the viewer may not see is NOT_FOUND (SPEC §4
 * privacy); its own host gets OWN_PROPERTY; anyone who can see an unlisted one (its host, an admin) gets
 * PROPERTY_NOT_BOOKABLE.
 */
function listingRefusal(viewer: Viewer | null, property: BookableProperty): Unavailable {
  if (viewer?.userId === property.host_id) return 'OWN_PROPERTY';
  if (property.status !== 'listed') return 'PROPERTY_NOT_BOOKABLE';
  return null;
}

function assertVisible(
  viewer: Viewer | null,
  property: BookableProperty | undefined,
): asserts property is BookableProperty {
  if (!property || !canView(property.status, canManage(viewer, property.host_id))) {
    throw new NotFoundError('property');
  }
}

function stayError(refusal: StayRefusal): Error {
  const message = stayRefusalMessages[refusal];
  if (refusal === 'START_IN_PAST') return new ValidationError(message, ['startDate'], 'START_IN_PAST');
  return new RuleViolationError(refusal, message);
}

const stayLimits = (property: BookableProperty) => ({
  minNights: property.min_nights,
  maxNights: property.max_nights,
  maxGuests: property.max_guests,
});

/** The stay at the listing's current prices (SPEC §9): its rates and the per-night prices of those nights. */
async function priceOf(
  db: Executor,
  property: BookableProperty,
  input: { startDate: string; endDate: string },
): Promise<PriceBreakdown> {
  const overrides = await findNightPrices(db, property.property_id, input.startDate, input.endDate);
  return priceStay(
    {
      pricePerNightCents: property.price_per_night_cents,
      weekendPricePerNightCents: property.weekend_price_per_night_cents,
      weeklyDiscountPercent: property.weekly_discount_percent,
      monthlyDiscountPercent: property.monthly_discount_percent,
      cleaningFeeCents: property.cleaning_fee_cents,
      overrides,
    },
    input,
  );
}

/**
 * `bookings.quote`: the price of a stay (SPEC §4 pricing, from the listing's current prices) and whether
 * `bookings.create` would take it — if not, the reason it would give. Writes nothing; anyone may ask.
 */
export async function quoteStay(deps: Deps, viewer: Viewer | null, input: QuoteInput): Promise<QuoteView> {
  const property = await findBookableProperty(deps.db, input.propertyId);
  assertVisible(viewer, property);
  const today = todayIn(property.timezone, deps.clock.now());
  let reason: Unavailable =
    listingRefusal(viewer, property) ?? stayRefusal(input, stayLimits(property), today);
  if (
    reason === null &&
    !(await isRangeFree(deps.db, property.property_id, input.startDate, input.endDate))
  ) {
    reason = 'DATES_UNAVAILABLE';
  }
  return {
    propertyId: property.property_id,
    startDate: input.startDate,
    endDate: input.endDate,
    guests: input.guests,
    ...(await priceOf(deps.db, property, input)),
    currency: property.currency,
    instantBook: property.instant_book,
    cancellationPolicy: property.cancellation_policy,
    available: reason === null,
    unavailableReason: reason,
  };
}

/**
 * The booking an earlier request with this idempotency key made, if any: the same input gets that booking
 * back, as it is now; other input is a CONFLICT (SPEC §4).
 */
async function replayOf(
  db: Executor,
  guestId: string,
  input: CreateBookingInput,
  hash: string,
): Promise<BookingView | undefined> {
  const earlier = await findByIdempotencyKey(db, guestId, input.idempotencyKey);
  if (!earlier) return undefined;
  if (earlier.request_hash !== hash) {
    throw new ConflictError(
      'IDEMPOTENCY_KEY_REUSED',
      'this idempotency key was used for a different booking request',
    );
  }
  return bookingViewById(db, earlier.booking_id);
}

/**
 * `bookings.create` (SPEC §4 "Booking a stay"). One transaction: the booking with its price snapshot; for
 * instant book `pending` with a pending charge and the charge job, otherwise `requested` with its 24 h expiry
 * timer; the host's notification; and last the occupancy hold, where the EXCLUDE constraint decides who
 * gets the nights (23P01 → CONFLICT DATES_UNAVAILABLE, and everything above rolls back with it, jobs too).
 *
 * Idempotency: a key seen before answers with that booking. Two requests racing with one key meet at the
 * unique (user_id, idempotency_key) index: the loser's insert waits for the winner to commit, fails, and
 * the loser then reads the winner's booking.
 */
export async function createBooking(
  deps: Deps,
  viewer: Viewer,
  input: CreateBookingInput,
): Promise<BookingView> {
  await enforceUserRateLimit(deps, 'bookings', viewer.userId);
  const hash = requestHash(input);
  const earlier = await replayOf(deps.db, viewer.userId, input, hash);
  if (earlier) return earlier;
  let view: BookingView;
  try {
    view = await inTransaction(deps.db, (trx) => insertNewBooking(deps, trx, viewer, input, hash));
  } catch (error) {
    if (!isUniqueViolation(error, 'bookings_idempotency_key')) throw error;
    const winner = await replayOf(deps.db, viewer.userId, input, hash);
    if (!winner) throw error;
    return winner;
  }
  return view;
}

async function insertNewBooking(
  deps: Deps,
  trx: Executor,
  viewer: Viewer,
  input: CreateBookingInput,
  hash: string,
): Promise<BookingView> {
  const property = await lockBookableProperty(trx, input.propertyId);
  // SPEC §10 moderation: a listing suspended with its host says why it takes no bookings, to anyone.
  if (property?.suspended_with_host) {
    throw new ConflictError('HOST_SUSPENDED', "this listing's host is suspended; it takes no bookings");
  }
  assertVisible(viewer, property);
  const refusal = listingRefusal(viewer, property);
  if (refusal === 'OWN_PROPERTY') {
    throw new RuleViolationError('OWN_PROPERTY', 'a host cannot book their own place');
  }
  if (refusal !== null) {
    throw new ConflictError('PROPERTY_NOT_BOOKABLE', 'this listing is not taking bookings');
  }
  const now = deps.clock.now();
  const stay = stayRefusal(input, stayLimits(property), todayIn(property.timezone, now));
  if (stay !== null) throw stayError(stay);

  const price = await priceOf(trx, property, input);
  const status = initialStatus(property.instant_book);
  const expiresAt = status === 'requested' ? requestExpiresAt(now) : null;
  const { booking_id: bookingId } = await insertBooking(trx, {
    property_id: property.property_id,
    user_id: viewer.userId,
    start_date: input.startDate,
    end_date: input.endDate,
    guests: input.guests,
    status,
    ...priceSnapshotColumns(price),
    currency: property.currency,
    cancellation_policy: property.cancellation_policy,
    payment_method: input.paymentMethod,
    payment_token: input.paymentToken,
    idempotency_key: input.idempotencyKey,
    request_hash: hash,
    expires_at: expiresAt,
  });
  // Read once, as the view: nothing below changes the booking row, so it is also the answer, and it carries
  // every field the charge and the host's notice need.
  const booking = await findBookingViewRow(trx, bookingId);
  if (!booking) throw new NotFoundError('booking');
  if (expiresAt === null) {
    await queueCharge(trx, booking);
  } else {
    await enqueue(
      trx,
      'expire_booking',
      { bookingId },
      { runAt: expiresAt, jobKey: jobKeys.expire(bookingId) },
    );
    await notify(trx, deps, noticeFor('host', booking, 'booking_requested'));
  }
  await orDatesUnavailable(
    insertHold(trx, {
      propertyId: property.property_id,
      bookingId,
      startDate: input.startDate,
      endDate: input.endDate,
    }),
  );
  await invalidateAvailability(trx, deps);
  return toBookingView(booking);
}
