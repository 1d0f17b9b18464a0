import { z } from 'zod';
import {
  type AdminCancelBookingInput,
  bookingActors,
  bookingStatuses,
  type CancelBookingInput,
  type CreateBookingInput,
  cancellers,
  guestScopes,
  hostScopes,
  type ListHostBookingsInput,
  type ListMyBookingsInput,
  paymentMethods,
  type QuoteInput,
  refundTiers,
  unavailableReasons,
} from '../domain/bookings/booking.types.ts';
import type {
  BookingList,
  BookingView,
  CancellationPreviewView,
  QuoteView,
} from '../domain/bookings/booking.views.ts';
import { MAX_GUESTS } from '../domain/properties/property.limits.ts';
import { cancellationPolicies } from '../domain/properties/property.types.ts';
import { daysBetween, isIsoDate } from '../domain/shared/dates.ts';
import { DEFAULT_PAGE_SIZE, MAX_CURSOR_LENGTH, MAX_PAGE_SIZE } from '../domain/shared/page.limits.ts';
import { schemaFor } from '../domain/shared/schema-for.ts';
import { isoDateInput } from './properties.schemas.ts';
import { text } from './text.ts';

const datesInOrder = (value: { startDate: string; endDate: string }) =>
  !isIsoDate(value.startDate) || !isIsoDate(value.endDate) || daysBetween(value.startDate, value.endDate) > 0;

/** The stay both quote and create describe: the nights [startDate, endDate). Its length is a rule (STAY_TOO_LONG). */
const stayFields = {
  propertyId: z.uuid(),
  startDate: isoDateInput,
  endDate: isoDateInput,
  guests: z.number().int().min(1).max(MAX_GUESTS),
};

const datesInOrderCheck = { message: 'endDate must be after startDate', path: ['endDate'] };

export const quoteInput = schemaFor<QuoteInput>()(
  z.object(stayFields).refine(datesInOrder, datesInOrderCheck),
);

export const createBookingInput = schemaFor<CreateBookingInput>()(
  z
    .object({
      ...stayFields,
      paymentMethod: z.enum(paymentMethods),
      /** A provider token for the payment method (tok_visa…); never card data. */
      paymentToken: text({ min: 1, max: 200, normalize: false }),
      /** Chosen by the client, unique per guest: a retry with the same key and input returns the same booking. */
      idempotencyKey: text({ min: 1, max: 200, normalize: false }),
    })
    .refine(datesInOrder, datesInOrderCheck),
);

/** SPEC §4 pricing: the breakdown a quote shows and a booking keeps as its snapshot. */
const priceFields = {
  /** The listing's nightly price when priced; each night's own price is in `nightlyPrices`. */
  nightlyPriceCents: z.number().int(),
  nights: z.number().int(),
  /** SPEC §9: every night of the stay at its own price (override, weekend or nightly), before the discount. */
  nightlyPrices: z.array(z.object({ date: z.string(), priceCents: z.number().int() })),
  /** The weekly (7+ nights) or monthly (28+) discount the stay earned, 0 when none. */
  discountPercent: z.number().int(),
  discountCents: z.number().int(),
  /** The nights' sum less the discount; the service fee is 14 % of this plus the cleaning fee. */
  subtotalCents: z.number().int(),
  cleaningFeeCents: z.number().int(),
  serviceFeeCents: z.number().int(),
  totalCents: z.number().int(),
  currency: z.string(),
};

export const quoteView = schemaFor<QuoteView>()(
  z.object({
    propertyId: z.uuid(),
    startDate: z.string(),
    endDate: z.string(),
    guests: z.number().int(),
    ...priceFields,
    instantBook: z.boolean(),
    cancellationPolicy: z.enum(cancellationPolicies),
    available: z.boolean(),
    /** Null when available; otherwise the reason `bookings.create` would refuse this stay with. */
    unavailableReason: z.enum(unavailableReasons).nullable(),
  }),
);

/** Who a booking's parties are, as either side sees the other: never email or phone (SPEC §4). */
const partyView = z.object({ userId: z.uuid(), firstName: z.string(), avatarUrl: z.string().nullable() });

export const bookingView = schemaFor<BookingView>()(
  z.object({
    bookingId: z.uuid(),
    propertyId: z.uuid(),
    property: z.object({
      propertyId: z.uuid(),
      name: z.string(),
      city: z.string(),
      country: z.string(),
      timezone: z.string(),
    }),
    /** The guest (ALX `user_id`). */
    userId: z.uuid(),
    guest: partyView,
    host: partyView,
    startDate: z.string(),
    endDate: z.string(),
    guests: z.number().int(),
    status: z.enum(bookingStatuses),
    ...priceFields,
    paymentMethod: z.enum(paymentMethods),
    /** The policy this booking was made under (snapshot); it decides a guest's refund. */
    cancellationPolicy: z.enum(cancellationPolicies),
    /** SPEC §9: the listing's house rules and times (local 'HH:MM'), as the confirmation shows them. */
    houseRules: z.object({
      checkInFrom: z.string(),
      checkInUntil: z.string(),
      checkOutBy: z.string(),
      /** The host's rules in their own words; null: none. */
      text: z.string().nullable(),
      petsAllowed: z.boolean(),
      smokingAllowed: z.boolean(),
      eventsAllowed: z.boolean(),
    }),
    /** When a request lapses unless the host answers (status `requested`). */
    expiresAt: z.date().nullable(),
    confirmedAt: z.date().nullable(),
    completedAt: z.date().nullable(),
    canceledAt: z.date().nullable(),
    canceledBy: z.enum(bookingActors).nullable(),
    cancellationReason: z.string().nullable(),
    /** What the cancellation gives back to the guest (paid out by a refund job). */
    refundCents: z.number().int().nullable(),
    createdAt: z.date(),
    updatedAt: z.date(),
  }),
);

export const bookingIdInput = z.object({ bookingId: z.uuid() });

const pageFields = {
  /** `nextCursor` of the previous page, as returned (null or absent for the first page). */
  cursor: z.string().max(MAX_CURSOR_LENGTH).nullish(),
  limit: z.number().int().min(1).max(MAX_PAGE_SIZE).default(DEFAULT_PAGE_SIZE),
};

/**
 * A guest's trips. `upcoming`: active (requested, pending, confirmed) and not over yet in the listing's time
 * zone, soonest first. `past`: everything else — stays that ended, and declined, expired, canceled or
 * completed ones — latest first. `all`: every booking, latest start first.
 */
export const listMyBookingsInput = schemaFor<ListMyBookingsInput>()(
  z
    .object({
      scope: z.enum(guestScopes).default('all'),
      status: z.enum(bookingStatuses).optional(),
      ...pageFields,
    })
    .prefault({}),
);

/**
 * Bookings of the caller's listings (or of one listing, `propertyId`). `requests`: waiting for an answer,
 * soonest stay first. `upcoming` and `past` as for `listMine`.
 */
export const listHostBookingsInput = schemaFor<ListHostBookingsInput>()(
  z
    .object({
      scope: z.enum(hostScopes).default('all'),
      propertyId: z.uuid().optional(),
      ...pageFields,
    })
    .prefault({}),
);

export const bookingList = schemaFor<BookingList>()(
  z.object({ items: z.array(bookingView), nextCursor: z.string().nullable() }),
);

export const cancelBookingInput = schemaFor<CancelBookingInput>()(
  z.object({
    bookingId: z.uuid(),
    reason: text({ min: 1, max: 500 }).optional(),
  }),
);

/** An admin's cancellation always says why (kept on the booking). */
export const adminCancelBookingInput = schemaFor<AdminCancelBookingInput>()(
  z.object({
    bookingId: z.uuid(),
    reason: text({ min: 1, max: 500 }),
  }),
);

/** SPEC §4 cancellation refunds: what canceling now would give back, part by part. */
export const cancellationPreviewView = schemaFor<CancellationPreviewView>()(
  z.object({
    bookingId: z.uuid(),
    status: z.enum(bookingStatuses),
    canceller: z.enum(cancellers),
    cancellationPolicy: z.enum(cancellationPolicies),
    tier: z.enum(refundTiers),
    /** Days from today (the listing's time zone) to check-in; negative once the stay has begun. */
    daysBeforeStart: z.number().int(),
    /** What the guest has been charged so far, less refunds (0 before the charge succeeds). */
    paidCents: z.number().int(),
    subtotalRefundCents: z.number().int(),
    cleaningFeeRefundCents: z.number().int(),
    serviceFeeRefundCents: z.number().int(),
    refundCents: z.number().int(),
    currency: z.string(),
  }),
);
