import { describe, expect, it } from 'vitest';
import {
  averageNightlyCents,
  flatRates,
  hostPayoutCents,
  isWeekendNight,
  percentOf,
  priceStay,
  type StayRates,
} from '../../../src/domain/bookings/pricing.rules.ts';

const flat = (nightly: number, cleaning: number, startDate: string, endDate: string) =>
  priceStay(flatRates(nightly, cleaning), { startDate, endDate });

/**
 * The listing of the hand-computed tables: 100.00 a night, 150.00 on Friday and Saturday nights, 10 % off
 * from 7 nights, 20 % off from 28 nights, 50.00 cleaning. 2027-01-04 is a Monday; 2027-01-08 a Friday.
 */
const rates: StayRates = {
  pricePerNightCents: 10_000,
  weekendPricePerNightCents: 15_000,
  weeklyDiscountPercent: 10,
  monthlyDiscountPercent: 20,
  cleaningFeeCents: 5_000,
  overrides: new Map(),
};

/** [stay, nights' sum, discount %, discount, subtotal, service fee, total], every figure by hand. */
const table: [string, string, number, number, number, number, number, number][] = [
  // Mon, Tue, Wed: 3 × 10 000 = 30 000; fee 14 % of 35 000 = 4 900; 30 000 + 5 000 + 4 900
  ['2027-01-04', '2027-01-07', 30_000, 0, 0, 30_000, 4_900, 39_900],
  // Thu 10 000 + Fri 15 000 + Sat 15 000 = 40 000; fee 14 % of 45 000 = 6 300
  ['2027-01-07', '2027-01-10', 40_000, 0, 0, 40_000, 6_300, 51_300],
  // 6 nights Mon–Sat: 4 × 10 000 + 2 × 15 000 = 70 000, no discount yet; fee 14 % of 75 000 = 10 500
  ['2027-01-04', '2027-01-10', 70_000, 0, 0, 70_000, 10_500, 85_500],
  // 7 nights: + Sun 10 000 = 80 000; 10 % = 8 000 → 72 000; fee 14 % of 77 000 = 10 780
  ['2027-01-04', '2027-01-11', 80_000, 10, 8_000, 72_000, 10_780, 87_780],
  // 27 nights Jan 4–30: Fridays 8 15 22 29 and Saturdays 9 16 23 30 = 8 × 15 000 = 120 000,
  // 19 other nights × 10 000 = 190 000 → 310 000; weekly 10 % = 31 000 → 279 000;
  // fee 14 % of 284 000 = 39 760; total 279 000 + 5 000 + 39 760
  ['2027-01-04', '2027-01-31', 310_000, 10, 31_000, 279_000, 39_760, 323_760],
  // 28 nights: + Sun Jan 31 = 320 000; monthly 20 % = 64 000 → 256 000; fee 14 % of 261 000 = 36 540
  ['2027-01-04', '2027-02-01', 320_000, 20, 64_000, 256_000, 36_540, 297_540],
];

describe('pricing a stay by date', () => {
  it.each(table)(
    'prices %s → %s night by night, with the discount its length earns',
    (startDate, endDate, nightsSum, discountPercent, discountCents, subtotal, serviceFee, total) => {
      const price = priceStay(rates, { startDate, endDate });
      expect(price.nightlyPrices.reduce((sum, night) => sum + night.priceCents, 0)).toBe(nightsSum);
      expect(price.discountPercent).toBe(discountPercent);
      expect(price.discountCents).toBe(discountCents);
      expect(price.subtotalCents).toBe(subtotal);
      expect(price.serviceFeeCents).toBe(serviceFee);
      expect(price.totalCents).toBe(total);
      expect(price.cleaningFeeCents).toBe(5_000);
    },
  );

  it('lists every night with its own price, weekend nights at the weekend price', () => {
    expect(priceStay(rates, { startDate: '2027-01-07', endDate: '2027-01-11' }).nightlyPrices).toEqual([
      { date: '2027-01-07', priceCents: 10_000 },
      { date: '2027-01-08', priceCents: 15_000 },
      { date: '2027-01-09', priceCents: 15_000 },
      { date: '2027-01-10', priceCents: 10_000 },
    ]);
  });

  it('charges a per-date override instead of the nightly or weekend price', () => {
    const overridden: StayRates = {
      ...rates,
      overrides: new Map([
        ['2027-01-05', 12_345],
        ['2027-01-08', 20_000],
      ]),
    };
    const price = priceStay(overridden, { startDate: '2027-01-04', endDate: '2027-01-09' });
    // Mon 10 000, Tue 12 345 (override), Wed 10 000, Thu 10 000, Fri 20 000 (override, not 15 000)
    expect(price.nightlyPrices.map((night) => night.priceCents)).toEqual([
      10_000, 12_345, 10_000, 10_000, 20_000,
    ]);
    // 62 345, 5 nights: no discount; fee 14 % of 67 345 = 9 428.3 → 9 428; total 62 345 + 5 000 + 9 428
    expect(price.subtotalCents).toBe(62_345);
    expect(price.serviceFeeCents).toBe(9_428);
    expect(price.totalCents).toBe(76_773);
  });

  it('counts overridden nights towards the discount like any other night', () => {
    const overridden: StayRates = { ...rates, overrides: new Map([['2027-01-06', 30_000]]) };
    // 7 nights: 80 000 − Wed 10 000 + 30 000 = 100 000; 10 % = 10 000 → 90 000; fee 14 % of 95 000 = 13 300
    const price = priceStay(overridden, { startDate: '2027-01-04', endDate: '2027-01-11' });
    expect(price.subtotalCents).toBe(90_000);
    expect(price.totalCents).toBe(108_300);
  });

  it('rounds the discount half-up and computes the service fee on the discounted subtotal', () => {
    const odd: StayRates = { ...flatRates(10_005, 0), weeklyDiscountPercent: 10 };
    const price = priceStay(odd, { startDate: '2027-01-04', endDate: '2027-01-11' });
    // 7 × 10 005 = 70 035; 10 % = 7 003.5 → 7 004; 63 031; 14 % = 8 824.34 → 8 824; total 71 855
    expect(price.discountCents).toBe(7_004);
    expect(price.subtotalCents).toBe(63_031);
    expect(price.serviceFeeCents).toBe(8_824);
    expect(price.totalCents).toBe(71_855);
  });

  it('keeps the weekly discount past 28 nights when the listing has no monthly one', () => {
    const weeklyOnly: StayRates = { ...flatRates(10_000, 0), weeklyDiscountPercent: 10 };
    const price = priceStay(weeklyOnly, { startDate: '2027-01-04', endDate: '2027-02-01' });
    // 28 × 10 000 = 280 000; 10 % = 28 000 → 252 000; 14 % = 35 280; total 287 280
    expect(price.discountPercent).toBe(10);
    expect(price.totalCents).toBe(287_280);
  });

  it('averages the nightly price of a stay half-up', () => {
    // 72 000 / 7 = 10 285.71 → 10 286; 63 031 / 7 = 9 004.43 → 9 004; 5 / 2 = 2.5 → 3
    expect(averageNightlyCents({ subtotalCents: 72_000, nights: 7 })).toBe(10_286);
    expect(averageNightlyCents({ subtotalCents: 63_031, nights: 7 })).toBe(9_004);
    expect(averageNightlyCents({ subtotalCents: 5, nights: 2 })).toBe(3);
  });

  it('calls Friday and Saturday nights the weekend, and only those', () => {
    expect(['2027-01-07', '2027-01-08', '2027-01-09', '2027-01-10'].map(isWeekendNight)).toEqual([
      false,
      true,
      true,
      false,
    ]);
  });
});

describe('pricing a flat-priced stay', () => {
  it('prices a stay as nights × nightly + cleaning + 14 % service fee', () => {
    expect(flat(10_000, 2_500, '2027-01-04', '2027-01-07')).toEqual({
      nightlyPriceCents: 10_000,
      nights: 3,
      nightlyPrices: [
        { date: '2027-01-04', priceCents: 10_000 },
        { date: '2027-01-05', priceCents: 10_000 },
        { date: '2027-01-06', priceCents: 10_000 },
      ],
      discountPercent: 0,
      discountCents: 0,
      subtotalCents: 30_000,
      cleaningFeeCents: 2_500,
      serviceFeeCents: 4_550,
      totalCents: 37_050,
    });
  });

  it('rounds the service fee half-up to the minor unit', () => {
    // 14 % of 1 825 = 255.5 → 256; of 1 821 = 254.94 → 255; of 1 803 = 252.42 → 252
    expect(flat(1_825, 0, '2027-01-04', '2027-01-05').serviceFeeCents).toBe(256);
    expect(flat(1_821, 0, '2027-01-04', '2027-01-05').serviceFeeCents).toBe(255);
    expect(flat(1_803, 0, '2027-01-04', '2027-01-05').serviceFeeCents).toBe(252);
    expect(percentOf(50, 1)).toBe(1);
    expect(percentOf(49, 1)).toBe(0);
  });

  it('pays the host subtotal plus cleaning minus 3 %', () => {
    expect(hostPayoutCents({ subtotalCents: 30_000, cleaningFeeCents: 2_500 })).toBe(32_500 - 975);
    expect(hostPayoutCents({ subtotalCents: 50, cleaningFeeCents: 0 })).toBe(48);
  });
});
