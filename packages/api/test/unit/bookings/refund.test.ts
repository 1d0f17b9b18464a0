import { describe, expect, it } from 'vitest';
import { flatRates, priceStay } from '../../../src/domain/bookings/pricing.rules.ts';
import { type CancellationPolicy, quoteRefund } from '../../../src/domain/bookings/refund.rules.ts';

// subtotal 30 000, cleaning 2 500, service 4 550, total 37 050
const breakdown = priceStay(flatRates(10_000, 2_500), { startDate: '2027-01-04', endDate: '2027-01-07' });
const paid = breakdown.totalCents;
const refund = (policy: CancellationPolicy, days: number, paidCents = paid) =>
  quoteRefund({ policy, canceller: 'guest', daysBeforeStart: days, breakdown, paidCents });

describe('guest cancellation refunds at every boundary day', () => {
  it.each([
    ['flexible', 30, 'full', 37_050],
    ['flexible', 1, 'full', 37_050],
    ['flexible', 0, 'none', 0],
    ['flexible', -2, 'none', 0],
    ['moderate', 5, 'full', 37_050],
    ['moderate', 4, 'partial', 15_000 + 2_500],
    ['moderate', 1, 'partial', 17_500],
    ['moderate', 0, 'none', 0],
    ['strict', 14, 'full', 37_050],
    ['strict', 13, 'partial', 15_000],
    ['strict', 7, 'partial', 15_000],
    ['strict', 6, 'none', 0],
    ['strict', 0, 'none', 0],
  ] as const)('%s, %i days before check-in → %s (%i)', (policy, days, tier, cents) => {
    const quote = refund(policy, days);
    expect(quote.tier).toBe(tier);
    expect(quote.refundCents).toBe(cents);
  });

  it('refunds the service fee only with a full refund', () => {
    expect(refund('moderate', 5).serviceFeeRefundCents).toBe(4_550);
    expect(refund('moderate', 4).serviceFeeRefundCents).toBe(0);
    expect(refund('strict', 10).serviceFeeRefundCents).toBe(0);
  });

  it('rounds half the nights half-up', () => {
    const odd = priceStay(flatRates(10_001, 0), { startDate: '2027-01-04', endDate: '2027-01-05' });
    const quote = quoteRefund({
      policy: 'strict',
      canceller: 'guest',
      daysBeforeStart: 8,
      breakdown: odd,
      paidCents: 99_999,
    });
    expect(quote.subtotalRefundCents).toBe(5_001);
  });
});

describe('host and admin cancellations', () => {
  it.each(['host', 'admin'] as const)(
    'a %s cancellation refunds everything paid, whatever the policy or day',
    (canceller) => {
      for (const policy of ['flexible', 'moderate', 'strict'] as const) {
        const quote = quoteRefund({ policy, canceller, daysBeforeStart: 0, breakdown, paidCents: paid });
        expect(quote).toMatchObject({ tier: 'full', refundCents: paid, serviceFeeRefundCents: 4_550 });
      }
    },
  );
});

describe('refund limits', () => {
  it('never refunds more than was paid, and nothing before a charge', () => {
    expect(refund('flexible', 10, 0).refundCents).toBe(0);
    expect(refund('flexible', 10, 20_000).refundCents).toBe(20_000);
    expect(
      quoteRefund({ policy: 'strict', canceller: 'host', daysBeforeStart: 3, breakdown, paidCents: 0 })
        .refundCents,
    ).toBe(0);
  });

  it('is never negative', () => {
    for (const days of [-400, -1, 0, 1, 4, 5, 6, 7, 13, 14, 365]) {
      for (const policy of ['flexible', 'moderate', 'strict'] as const) {
        expect(refund(policy, days).refundCents).toBeGreaterThanOrEqual(0);
      }
    }
  });
});
