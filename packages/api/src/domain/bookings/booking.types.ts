import type { BookingActor, BookingStatus, PaymentMethod } from '@stayhub/db';
import type { BookingScope } from './booking.queries.ts';
import type { StayRefusal } from './booking.rules.ts';
import type { Canceller, RefundTier } from './refund.rules.ts';

/** The values of the database enums a booking uses, in the order the API documents them. */
export const bookingStatuses = [
  'requested',
  'pending',
  'confirmed',
  'declined',
  'expired',
  'canceled',
  'completed',
] as const satisfies readonly BookingStatus[];
export const paymentMethods = ['credit_card', 'paypal', 'stripe'] as const satisfies readonly PaymentMethod[];
export const bookingActors = ['guest', 'host', 'admin', 'system'] as const satisfies readonly BookingActor[];
export const cancellers = ['guest', 'host', 'admin'] as const satisfies readonly Canceller[];
export const refundTiers = ['full', 'partial', 'none'] as const satisfies readonly RefundTier[];

/** Why a quote is not bookable: the reason `bookings.create` would fail with for the same input. */
export const unavailableReasons = [
  'DATES_UNAVAILABLE',
  'STAY_TOO_SHORT',
  'STAY_TOO_LONG',
  'TOO_MANY_GUESTS',
  'START_IN_PAST',
  'PROPERTY_NOT_BOOKABLE',
  'OWN_PROPERTY',
] as const satisfies readonly (
  | 'DATES_UNAVAILABLE'
  | 'PROPERTY_NOT_BOOKABLE'
  | 'OWN_PROPERTY'
  | StayRefusal
)[];
export type UnavailableReason = (typeof unavailableReasons)[number];

/** The lists a guest pages through (`bookings.listMine`) and those a host does (`bookings.listForHost`). */
export const guestScopes = ['upcoming', 'past', 'all'] as const satisfies readonly BookingScope[];
export const hostScopes = ['requests', 'upcoming', 'past', 'all'] as const satisfies readonly BookingScope[];

/** The stay a quote prices and a booking holds: the nights [startDate, endDate). */
export interface StayInput {
  propertyId: string;
  startDate: string;
  endDate: string;
  guests: number;
}

/** bookings.quote */
export type QuoteInput = StayInput;

/** bookings.create: the stay, how it is paid, and the client's idempotency key. */
export interface CreateBookingInput extends StayInput {
  paymentMethod: PaymentMethod;
  /** A provider token for the payment method (tok_visa…); never card data. */
  paymentToken: string;
  idempotencyKey: string;
}

export interface ListMyBookingsInput {
  scope: (typeof guestScopes)[number];
  status?: BookingStatus | undefined;
  cursor?: string | null | undefined;
  limit: number;
}

export interface ListHostBookingsInput {
  scope: (typeof hostScopes)[number];
  propertyId?: string | undefined;
  cursor?: string | null | undefined;
  limit: number;
}

export interface CancelBookingInput {
  bookingId: string;
  reason?: string | undefined;
}

/** An admin's cancellation always says why (kept on the booking). */
export interface AdminCancelBookingInput {
  bookingId: string;
  reason: string;
}
