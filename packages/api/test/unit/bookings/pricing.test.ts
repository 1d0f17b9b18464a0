import { describe, expect, it } from 'vitest';
import { hostPayoutCents, percentOf, priceStay } from '../../../src/domain/bookings/pricing.rules.ts';

describe('pricing', () => {
  it('prices a stay as nights × nightly + cleaning + 14 % service fee', () => {
    expect(priceStay({ nightlyPriceCents: 10_000, cleaningFeeCents: 2_500, nights: 3 })).toEqual({
      nightlyPriceCents: 10_000,
      nights: 3,
      subtotalCents: 30_000,
      cleaningFeeCents: 2_500,
      serviceFeeCents: 4_550,
      totalCents: 37_050,
    });
  });

  it('rounds the service fee half-up to the minor unit', () => {
    // 14 % of 1 825 = 255.5 → 256; of 1 821 = 254.94 → 255; of 1 803 = 252.42 → 252
    expect(priceStay({ nightlyPriceCents: 1_825, cleaningFeeCents: 0, nights: 1 }).serviceFeeCents).toBe(256);
    expect(priceStay({ nightlyPriceCents: 1_821, cleaningFeeCents: 0, nights: 1 }).serviceFeeCents).toBe(255);
    expect(priceStay({ nightlyPriceCents: 1_803, cleaningFeeCents: 0, nights: 1 }).serviceFeeCents).toBe(252);
    expect(percentOf(50, 1)).toBe(1);
    expect(percentOf(49, 1)).toBe(0);
  });

  it('pays the host subtotal plus cleaning minus 3 %', () => {
    expect(hostPayoutCents({ subtotalCents: 30_000, cleaningFeeCents: 2_500 })).toBe(32_500 - 975);
    expect(hostPayoutCents({ subtotalCents: 50, cleaningFeeCents: 0 })).toBe(48);
  });
});
