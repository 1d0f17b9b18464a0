import { eachDay } from '../shared/dates.ts';

/**
 * SPEC §4 and §9 pricing, computed on the server from the listing's current prices; never trusted from a
 * client. This is the one pricing rule: quotes, bookings (and their snapshot), the calendar and search all
 * price a night and a stay here (search's SQL mirrors it in search-price.queries.ts, and a test holds the
 * two to the same answers).
 */
export const SERVICE_FEE_PERCENT = 14;
export const HOST_FEE_PERCENT = 3;
/** SPEC §9: a weekly discount applies from this many nights, a monthly one (instead) from the second. */
export const WEEKLY_DISCOUNT_NIGHTS = 7;
export const MONTHLY_DISCOUNT_NIGHTS = 28;
export const MAX_DISCOUNT_PERCENT = 90;

/** `amount × percent / 100` rounded half-up to the minor unit, in integers (no floating point). */
export function percentOf(amountCents: number, percent: number): number {
  return Math.floor((amountCents * percent + 50) / 100);
}

/** What a listing charges, as of now (SPEC §9 "Prices by date"). */
export interface StayRates {
  pricePerNightCents: number;
  /** Friday and Saturday nights, when set. */
  weekendPricePerNightCents: number | null;
  /** Stays of WEEKLY_DISCOUNT_NIGHTS or more, 0–90. */
  weeklyDiscountPercent: number;
  /** Stays of MONTHLY_DISCOUNT_NIGHTS or more, 0–90; when set (> 0) it replaces the weekly one. */
  monthlyDiscountPercent: number;
  cleaningFeeCents: number;
  /** Per-night overrides set by the host (properties.setPrices), by night 'YYYY-MM-DD'. */
  overrides: ReadonlyMap<string, number>;
}

/** A listing with one price for every night and no discounts (rows and tests from before §9). */
export function flatRates(pricePerNightCents: number, cleaningFeeCents: number): StayRates {
  return {
    pricePerNightCents,
    weekendPricePerNightCents: null,
    weeklyDiscountPercent: 0,
    monthlyDiscountPercent: 0,
    cleaningFeeCents,
    overrides: new Map(),
  };
}

/** Whether the night that starts on `date` is a Friday or Saturday night (the calendar day's own weekday). */
export function isWeekendNight(date: string): boolean {
  const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
  return weekday === 5 || weekday === 6;
}

/** The price of one night: its override, else the weekend price on Fri/Sat nights, else the nightly price. */
export function nightPriceCents(
  rates: Pick<StayRates, 'pricePerNightCents' | 'weekendPricePerNightCents' | 'overrides'>,
  date: string,
): number {
  const override = rates.overrides.get(date);
  if (override !== undefined) return override;
  if (rates.weekendPricePerNightCents !== null && isWeekendNight(date)) {
    return rates.weekendPricePerNightCents;
  }
  return rates.pricePerNightCents;
}

/**
 * The discount a stay of `nights` gets: the monthly one from 28 nights when the listing has one, else the
 * weekly one from 7 nights, else none. (SPEC §9 says the monthly discount replaces the weekly one; a listing
 * with only a weekly discount keeps it for longer stays rather than losing it at 28 nights.)
 */
export function discountPercentFor(
  rates: Pick<StayRates, 'weeklyDiscountPercent' | 'monthlyDiscountPercent'>,
  nights: number,
): number {
  if (nights >= MONTHLY_DISCOUNT_NIGHTS && rates.monthlyDiscountPercent > 0) {
    return rates.monthlyDiscountPercent;
  }
  if (nights >= WEEKLY_DISCOUNT_NIGHTS) return rates.weeklyDiscountPercent;
  return 0;
}

export interface NightPrice {
  /** The night that starts on this day. */
  date: string;
  priceCents: number;
}

export interface PriceBreakdown {
  /** The listing's base nightly price when priced (each night's own price is in `nightlyPrices`). */
  nightlyPriceCents: number;
  nights: number;
  /** Every night of the stay, in order, at its own price before any discount. */
  nightlyPrices: NightPrice[];
  discountPercent: number;
  /** `discountPercent` of the nights' sum, rounded half-up. */
  discountCents: number;
  /** The nights' sum less the discount: what the service fee, refunds and payouts are computed on. */
  subtotalCents: number;
  cleaningFeeCents: number;
  serviceFeeCents: number;
  totalCents: number;
}

/**
 * The price of the nights [startDate, endDate): each night's price, their sum less the stay's discount
 * (the subtotal), the cleaning fee, 14 % service fee on subtotal + cleaning fee (half-up), and the total.
 */
export function priceStay(rates: StayRates, stay: { startDate: string; endDate: string }): PriceBreakdown {
  const nightlyPrices = eachDay(stay.startDate, stay.endDate).map((date) => ({
    date,
    priceCents: nightPriceCents(rates, date),
  }));
  const nightsCents = nightlyPrices.reduce((sum, night) => sum + night.priceCents, 0);
  const discountPercent = discountPercentFor(rates, nightlyPrices.length);
  const discountCents = percentOf(nightsCents, discountPercent);
  const subtotalCents = nightsCents - discountCents;
  const serviceFeeCents = percentOf(subtotalCents + rates.cleaningFeeCents, SERVICE_FEE_PERCENT);
  return {
    nightlyPriceCents: rates.pricePerNightCents,
    nights: nightlyPrices.length,
    nightlyPrices,
    discountPercent,
    discountCents,
    subtotalCents,
    cleaningFeeCents: rates.cleaningFeeCents,
    serviceFeeCents,
    totalCents: subtotalCents + rates.cleaningFeeCents + serviceFeeCents,
  };
}

/** The stay's average nightly price (subtotal ÷ nights, half-up): what search filters and sorts on with dates. */
export function averageNightlyCents(price: Pick<PriceBreakdown, 'subtotalCents' | 'nights'>): number {
  return Math.floor((2 * price.subtotalCents + price.nights) / (2 * price.nights));
}

/** What the host is paid: subtotal + cleaning fee − the 3 % host fee (SPEC §3 payouts). */
export function hostPayoutCents(
  breakdown: Pick<PriceBreakdown, 'subtotalCents' | 'cleaningFeeCents'>,
): number {
  const gross = breakdown.subtotalCents + breakdown.cleaningFeeCents;
  return gross - percentOf(gross, HOST_FEE_PERCENT);
}
