import type { BookingActor, BookingStatus, CancellationPolicy, PaymentMethod } from '@stayhub/db';
import { type HouseRulesView, toHouseRulesView } from '../properties/property.views.ts';
import type { BookingViewRow } from './booking.queries.ts';
import type { UnavailableReason } from './booking.types.ts';
import { snapshotNightlyPrices } from './price-snapshot.columns.ts';
import type { PriceBreakdown } from './pricing.rules.ts';
import type { Canceller, RefundTier } from './refund.rules.ts';

/** SPEC §4 pricing: the breakdown a quote shows and a booking keeps as its snapshot, in `currency`. */
export interface PricedView extends PriceBreakdown {
  currency: string;
}

export interface QuoteView extends PricedView {
  propertyId: string;
  startDate: string;
  endDate: string;
  guests: number;
  instantBook: boolean;
  cancellationPolicy: CancellationPolicy;
  available: boolean;
  /** Null when available; otherwise the reason `bookings.create` would refuse this stay with. */
  unavailableReason: UnavailableReason | null;
}

/** Who a booking's parties are, as either side sees the other: never email or phone (SPEC §4). */
export interface BookingPartyView {
  userId: string;
  firstName: string;
  avatarUrl: string | null;
}

export interface BookingView extends PricedView {
  bookingId: string;
  propertyId: string;
  property: { propertyId: string; name: string; city: string; country: string; timezone: string };
  /** The guest (ALX `user_id`). */
  userId: string;
  guest: BookingPartyView;
  host: BookingPartyView;
  startDate: string;
  endDate: string;
  guests: number;
  status: BookingStatus;
  paymentMethod: PaymentMethod;
  /** The policy this booking was made under (snapshot); it decides a guest's refund. */
  cancellationPolicy: CancellationPolicy;
  /** SPEC §9: the listing's house rules and times, as the confirmation shows them. */
  houseRules: HouseRulesView;
  /** When a request lapses unless the host answers (status `requested`). */
  expiresAt: Date | null;
  confirmedAt: Date | null;
  completedAt: Date | null;
  canceledAt: Date | null;
  canceledBy: BookingActor | null;
  cancellationReason: string | null;
  /** What the cancellation gives back to the guest (paid out by a refund job). */
  refundCents: number | null;
  createdAt: Date;
  updatedAt: Date;
}

export interface BookingList {
  items: BookingView[];
  nextCursor: string | null;
}

/** SPEC §4 cancellation refunds: what canceling now would give back, part by part. */
export interface CancellationPreviewView {
  bookingId: string;
  status: BookingStatus;
  canceller: Canceller;
  cancellationPolicy: CancellationPolicy;
  tier: RefundTier;
  /** Days from today (the listing's time zone) to check-in; negative once the stay has begun. */
  daysBeforeStart: number;
  /** What the guest has been charged so far, less refunds (0 before the charge succeeds). */
  paidCents: number;
  subtotalRefundCents: number;
  cleaningFeeRefundCents: number;
  serviceFeeRefundCents: number;
  refundCents: number;
  currency: string;
}

export function toBookingView(row: BookingViewRow): BookingView {
  return {
    bookingId: row.booking_id,
    propertyId: row.property_id,
    property: {
      propertyId: row.property_id,
      name: row.property_name,
      city: row.property_city,
      country: row.property_country,
      timezone: row.property_timezone,
    },
    userId: row.user_id,
    guest: { userId: row.user_id, firstName: row.guest_first_name, avatarUrl: row.guest_avatar_url },
    host: { userId: row.host_id, firstName: row.host_first_name, avatarUrl: row.host_avatar_url },
    startDate: row.start_date,
    endDate: row.end_date,
    guests: row.guests,
    status: row.status,
    nightlyPriceCents: row.nightly_price_cents,
    nights: row.nights,
    nightlyPrices: snapshotNightlyPrices(row),
    discountPercent: row.discount_percent,
    discountCents: row.discount_cents,
    subtotalCents: row.subtotal_cents,
    cleaningFeeCents: row.cleaning_fee_cents,
    serviceFeeCents: row.service_fee_cents,
    totalCents: row.total_cents,
    currency: row.currency,
    paymentMethod: row.payment_method,
    cancellationPolicy: row.cancellation_policy,
    houseRules: toHouseRulesView(row),
    expiresAt: row.expires_at,
    confirmedAt: row.confirmed_at,
    completedAt: row.completed_at,
    canceledAt: row.canceled_at,
    canceledBy: row.canceled_by,
    cancellationReason: row.cancellation_reason,
    refundCents: row.refund_cents,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}
