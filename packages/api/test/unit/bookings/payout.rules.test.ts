import { describe, expect, it } from 'vitest';
import { flatRates, hostPayoutCents, priceStay } from '../../../src/domain/bookings/pricing.rules.ts';
import { quoteRefund } from '../../../src/domain/bookings/refund.rules.ts';
import { payoutAfterCancellation } from '../../../src/domain/payments/payment.rules.ts';

// subtotal 30 000, cleaning 2 500, service 4 550, total 37 050; full payout 31 525.
const breakdown = priceStay(flatRates(10_000, 2_500), { startDate: '2027-01-04', endDate: '2027-01-07' });
const quote = (
  policy: 'flexible' | 'moderate' | 'strict',
  days: number,
  canceller: 'guest' | 'host' = 'guest',
) => quoteRefund({ policy, canceller, daysBeforeStart: days, breakdown, paidCents: breakdown.totalCents });

describe('payoutAfterCancellation', () => {
  it('cancels the payout with a full refund, whoever cancels', () => {
    expect(payoutAfterCancellation(breakdown, quote('strict', 30))).toBe(0);
    expect(payoutAfterCancellation(breakdown, quote('strict', 0, 'host'))).toBe(0);
  });

  it('keeps the whole payout when nothing is refunded', () => {
    expect(payoutAfterCancellation(breakdown, quote('moderate', 0))).toBe(hostPayoutCents(breakdown));
    expect(hostPayoutCents(breakdown)).toBe(31_525);
  });

  it('pays the host what the guest keeps paying of nights and cleaning, less 3 %', () => {
    // moderate partial: the guest gets half the nights and the cleaning back; keeps paying 15 000.
    expect(payoutAfterCancellation(breakdown, quote('moderate', 3))).toBe(14_550);
    // strict partial: the guest gets half the nights back; keeps paying 15 000 + 2 500.
    expect(payoutAfterCancellation(breakdown, quote('strict', 10))).toBe(16_975);
  });

  it('never goes negative or above the full payout', () => {
    for (const policy of ['flexible', 'moderate', 'strict'] as const) {
      for (let days = -3; days <= 20; days++) {
        const amount = payoutAfterCancellation(breakdown, quote(policy, days));
        expect(amount).toBeGreaterThanOrEqual(0);
        expect(amount).toBeLessThanOrEqual(31_525);
      }
    }
  });
});
