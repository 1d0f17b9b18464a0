import { type PriceBreakdown, percentOf } from './pricing.rules.ts';

export type CancellationPolicy = 'flexible' | 'moderate' | 'strict';
export type Canceller = 'guest' | 'host' | 'admin';
export type RefundTier = 'full' | 'partial' | 'none';

export interface RefundQuote {
  tier: RefundTier;
  /** Days from today (property time zone) to check-in; negative once the stay has begun. */
  daysBeforeStart: number;
  subtotalRefundCents: number;
  cleaningFeeRefundCents: number;
  serviceFeeRefundCents: number;
  /** What goes back to the guest: never more than was paid, never negative. */
  refundCents: number;
}

/**
 * SPEC §4 cancellation refunds. Hosts and admins refund everything paid. A guest's refund follows the
 * policy; the service fee comes back only with a full refund. `paidCents` is what the guest was actually
 * charged (0 before a successful charge), and caps the refund.
 */
export function quoteRefund(input: {
  policy: CancellationPolicy;
  canceller: Canceller;
  daysBeforeStart: number;
  breakdown: Pick<PriceBreakdown, 'subtotalCents' | 'cleaningFeeCents' | 'serviceFeeCents'>;
  paidCents: number;
}): RefundQuote {
  const { breakdown, daysBeforeStart } = input;
  const tier = input.canceller === 'guest' ? guestTier(input.policy, daysBeforeStart) : 'full';
  const parts = refundParts(input.policy, tier, breakdown);
  const owed = parts.subtotal + parts.cleaning + parts.service;
  return {
    tier,
    daysBeforeStart,
    subtotalRefundCents: parts.subtotal,
    cleaningFeeRefundCents: parts.cleaning,
    serviceFeeRefundCents: parts.service,
    refundCents: Math.max(0, Math.min(owed, input.paidCents)),
  };
}

function guestTier(policy: CancellationPolicy, days: number): RefundTier {
  switch (policy) {
    case 'flexible':
      return days >= 1 ? 'full' : 'none';
    case 'moderate':
      return days >= 5 ? 'full' : days >= 1 ? 'partial' : 'none';
    case 'strict':
      return days >= 14 ? 'full' : days >= 7 ? 'partial' : 'none';
  }
}

function refundParts(
  policy: CancellationPolicy,
  tier: RefundTier,
  b: Pick<PriceBreakdown, 'subtotalCents' | 'cleaningFeeCents' | 'serviceFeeCents'>,
): { subtotal: number; cleaning: number; service: number } {
  if (tier === 'full')
    return { subtotal: b.subtotalCents, cleaning: b.cleaningFeeCents, service: b.serviceFeeCents };
  if (tier === 'none') return { subtotal: 0, cleaning: 0, service: 0 };
  // Partial: moderate returns half the nights plus the cleaning fee; strict half the nights only.
  const half = percentOf(b.subtotalCents, 50);
  return { subtotal: half, cleaning: policy === 'moderate' ? b.cleaningFeeCents : 0, service: 0 };
}
