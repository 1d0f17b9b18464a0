import { z } from 'zod';
import { daysBetween, isIsoDate } from '../domain/shared/dates.ts';
import { cancellationPolicies, isoDateInput } from './properties.schemas.ts';

export const bookingStatuses = [
  'requested',
  'pending',
  'confirmed',
  'declined',
  'expired',
  'canceled',
  'completed',
] as const;
export const paymentMethods = ['credit_card', 'paypal', 'stripe'] as const;
export const bookingActors = ['guest', 'host', 'admin', 'system'] as const;
export const refundTiers = ['full', 'partial', 'none'] as const;

/** Why a quote is not bookable: the reason `bookings.create` would fail with for the same input. */
export const unavailableReasons = [
  'DATES_UNAVAILABLE',
  'STAY_TOO_SHORT',
  'STAY_TOO_LONG',
  'TOO_MANY_GUESTS',
  'START_IN_PAST',
  'PROPERTY_NOT_BOOKABLE',
  'OWN_PROPERTY',
] as const;

const datesInOrder = (value: { startDate: string; endDate: string }) =>
  !isIsoDate(value.startDate) || !isIsoDate(value.endDate) || daysBetween(value.startDate, value.endDate) > 0;

/** The stay both quote and create describe: the nights [startDate, endDate). Its length is a rule (STAY_TOO_LONG). */
const stayFields = {
  propertyId: z.uuid(),
  startDate: isoDateInput,
  endDate: isoDateInput,
  guests: z.number().int().min(1).max(50),
};

const datesInOrderCheck = { message: 'endDate must be after startDate', path: ['endDate'] };

export const quoteInput = z.object(stayFields).refine(datesInOrder, datesInOrderCheck);
export type QuoteInput = z.output<typeof quoteInput>;

export const createBookingInput = z
  .object({
    ...stayFields,
    paymentMethod: z.enum(paymentMethods),
    /** A provider token for the payment method (tok_visa…); never card data. */
    paymentToken: z.string().trim().min(1).max(200),
    /** Chosen by the client, unique per guest: a retry with the same key and input returns the same booking. */
    idempotencyKey: z.string().trim().min(1).max(200),
  })
  .refine(datesInOrder, datesInOrderCheck);
export type CreateBookingInput = z.output<typeof createBookingInput>;

/** SPEC §4 pricing: the breakdown a quote shows and a booking keeps as its snapshot. */
const priceFields = {
  nightlyPriceCents: z.number().int(),
  nights: z.number().int(),
  subtotalCents: z.number().int(),
  cleaningFeeCents: z.number().int(),
  serviceFeeCents: z.number().int(),
  totalCents: z.number().int(),
  currency: z.string(),
};

export const quoteView = z.object({
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
});
export type QuoteView = z.infer<typeof quoteView>;

/** Who a booking's parties are, as either side sees the other: never email or phone (SPEC §4). */
const partyView = z.object({ userId: z.uuid(), firstName: z.string(), avatarUrl: z.string().nullable() });

export const bookingView = z.object({
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
});
export type BookingView = z.infer<typeof bookingView>;

export const bookingIdInput = z.object({ bookingId: z.uuid() });

const pageFields = {
  /** `nextCursor` of the previous page, as returned (null or absent for the first page). */
  cursor: z.string().max(512).nullish(),
  limit: z.number().int().min(1).max(50).default(20),
};

/**
 * A guest's trips. `upcoming`: active (requested, pending, confirmed) and not over yet in the listing's time
 * zone, soonest first. `past`: everything else — stays that ended, and declined, expired, canceled or
 * completed ones — latest first. `all`: every booking, latest start first.
 */
export const listMyBookingsInput = z
  .object({
    scope: z.enum(['upcoming', 'past', 'all']).default('all'),
    status: z.enum(bookingStatuses).optional(),
    ...pageFields,
  })
  .prefault({});
export type ListMyBookingsInput = z.output<typeof listMyBookingsInput>;

/**
 * Bookings of the caller's listings (or of one listing, `propertyId`). `requests`: waiting for an answer,
 * soonest stay first. `upcoming` and `past` as for `listMine`.
 */
export const listHostBookingsInput = z
  .object({
    scope: z.enum(['requests', 'upcoming', 'past', 'all']).default('all'),
    propertyId: z.uuid().optional(),
    ...pageFields,
  })
  .prefault({});
export type ListHostBookingsInput = z.output<typeof listHostBookingsInput>;

export const bookingList = z.object({ items: z.array(bookingView), nextCursor: z.string().nullable() });
export type BookingList = z.infer<typeof bookingList>;

export const cancelBookingInput = z.object({
  bookingId: z.uuid(),
  reason: z.string().trim().min(1).max(500).optional(),
});
export type CancelBookingInput = z.output<typeof cancelBookingInput>;

/** An admin's cancellation always says why (kept on the booking). */
export const adminCancelBookingInput = z.object({
  bookingId: z.uuid(),
  reason: z.string().trim().min(1).max(500),
});
export type AdminCancelBookingInput = z.output<typeof adminCancelBookingInput>;

/** SPEC §4 cancellation refunds: what canceling now would give back, part by part. */
export const cancellationPreviewView = z.object({
  bookingId: z.uuid(),
  status: z.enum(bookingStatuses),
  canceller: z.enum(['guest', 'host', 'admin']),
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
});
export type CancellationPreviewView = z.infer<typeof cancellationPreviewView>;
