import type { BookingView } from '../../schemas/bookings.schemas.ts';
import type { BookingViewRow } from './booking.queries.ts';

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
    subtotalCents: row.subtotal_cents,
    cleaningFeeCents: row.cleaning_fee_cents,
    serviceFeeCents: row.service_fee_cents,
    totalCents: row.total_cents,
    currency: row.currency,
    paymentMethod: row.payment_method,
    cancellationPolicy: row.cancellation_policy,
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
