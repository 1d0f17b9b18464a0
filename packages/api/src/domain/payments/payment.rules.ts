import { hostPayoutCents, type PriceBreakdown } from '../bookings/pricing.rules.ts';
import type { RefundQuote } from '../bookings/refund.rules.ts';

/**
 * The idempotency key the provider sees for a booking's charge: one per booking, so however often the
 * charge job runs (retries, a replay after a crash), the provider charges at most once (SPEC §4 Payments).
 */
export const chargeIdempotencyKey = (bookingId: string) => `charge:${bookingId}`;

/** One refund per refund payment row. */
export const refundIdempotencyKey = (paymentId: string) => `refund:${paymentId}`;

/**
 * Attempts graphile-worker gives a charge or refund job. Failures back off exp(attempt) seconds
 * (2.7 s, 7.4 s, 20 s … 18 min), so 8 attempts ride out ~30 minutes of provider trouble; a transient
 * failure on the last attempt counts as final.
 */
export const CHARGE_MAX_ATTEMPTS = 8;
export const REFUND_MAX_ATTEMPTS = 8;

/** Why a charge never reached the provider: its booking left `pending` first (canceled, say). */
export const VOIDED_BEFORE_PROVIDER = 'booking_not_pending';

/**
 * The host's payout after a cancellation of a confirmed stay. A full refund cancels it (0). Otherwise the
 * host is paid, as before, subtotal + cleaning fee − 3 %, but only of what the guest keeps paying of
 * those two parts; the service fee the guest keeps paying stays with the platform.
 */
export function payoutAfterCancellation(
  breakdown: Pick<PriceBreakdown, 'subtotalCents' | 'cleaningFeeCents'>,
  refund: Pick<RefundQuote, 'tier' | 'subtotalRefundCents' | 'cleaningFeeRefundCents'>,
): number {
  if (refund.tier === 'full') return 0;
  return hostPayoutCents({
    subtotalCents: breakdown.subtotalCents - refund.subtotalRefundCents,
    cleaningFeeCents: breakdown.cleaningFeeCents - refund.cleaningFeeRefundCents,
  });
}
