import type { PaymentView, PayoutView } from '../../schemas/payments.schemas.ts';
import type { PaymentRow } from './payment.queries.ts';
import type { listPayoutsOfHost } from './payout.queries.ts';

type PayoutRow = Awaited<ReturnType<typeof listPayoutsOfHost>>[number];

export function toPaymentView(row: PaymentRow): PaymentView {
  return {
    paymentId: row.payment_id,
    bookingId: row.booking_id,
    kind: row.kind,
    amountCents: row.amount_cents,
    currency: row.currency,
    paymentMethod: row.payment_method,
    status: row.status,
    providerReference: row.provider_reference,
    attempts: row.attempts,
    failureCode: row.failure_code,
    paymentDate: row.payment_date,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export function toPayoutView(row: PayoutRow): PayoutView {
  return {
    payoutId: row.payout_id,
    bookingId: row.booking_id,
    propertyId: row.property_id,
    amountCents: row.amount_cents,
    currency: row.currency,
    status: row.status,
    releaseDate: row.release_date,
    releasedAt: row.released_at,
    providerReference: row.provider_reference,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}
