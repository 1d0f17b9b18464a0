import type { PaymentKind, PaymentMethod, PaymentStatus, PayoutStatus } from '@stayhub/db';
import type { Page } from '../shared/page.ts';
import type { PaymentRow } from './payment.queries.ts';
import type { listPayoutsOfHost } from './payout.queries.ts';

/** A charge or a refund of a booking, as its guest, its host and admins see it. */
export interface PaymentView {
  paymentId: string;
  bookingId: string;
  kind: PaymentKind;
  amountCents: number;
  currency: string;
  paymentMethod: PaymentMethod;
  status: PaymentStatus;
  /** The provider's id for the operation once it succeeded (sim_ch_…, sim_re_…). */
  providerReference: string | null;
  /** Provider calls made so far (a transient failure is retried with backoff). */
  attempts: number;
  failureCode: string | null;
  /** When it succeeded. */
  paymentDate: Date | null;
  createdAt: Date;
  updatedAt: Date;
}

/**
 * A booking's charges and refunds, oldest first. One page (a booking has a handful), so `nextCursor` is
 * null; the shape is every list's (SPEC §5), so paging could come without breaking a client.
 */
export interface PaymentList {
  items: PaymentView[];
  nextCursor: string | null;
}

/** What a host is paid for a stay: subtotal + cleaning fee − the 3 % host fee, released a day after check-in. */
export interface PayoutView {
  payoutId: string;
  bookingId: string;
  propertyId: string;
  amountCents: number;
  currency: string;
  status: PayoutStatus;
  /** 'YYYY-MM-DD'. */
  releaseDate: string;
  releasedAt: Date | null;
  providerReference: string | null;
  createdAt: Date;
  updatedAt: Date;
}

export type PayoutList = Page<PayoutView>;

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
