/**
 * The price rules of SPEC §4, restated for the seed (the db package cannot import the api's rules):
 * nights = end − start; subtotal = nights × nightly; guest service fee = 14 % of (subtotal + cleaning),
 * rounded half-up to the minor unit; total = subtotal + cleaning + service fee. The host is paid
 * subtotal + cleaning − a 3 % host fee, rounded half-up.
 */
import { daysBetween } from './dates.ts';

export interface PriceSnapshot {
  nightly_price_cents: number;
  nights: number;
  subtotal_cents: number;
  cleaning_fee_cents: number;
  service_fee_cents: number;
  total_cents: number;
}

/** `percent` % of a non-negative integer amount, rounded half-up, in integer arithmetic (no float drift). */
export function percentHalfUp(amount: number, percent: number): number {
  return Math.floor((amount * percent + 50) / 100);
}

export function priceSnapshot(
  stay: { start_date: string; end_date: string },
  price: { price_per_night_cents: number; cleaning_fee_cents: number },
): PriceSnapshot {
  const nights = daysBetween(stay.start_date, stay.end_date);
  const subtotal = nights * price.price_per_night_cents;
  const serviceFee = percentHalfUp(subtotal + price.cleaning_fee_cents, 14);
  return {
    nightly_price_cents: price.price_per_night_cents,
    nights,
    subtotal_cents: subtotal,
    cleaning_fee_cents: price.cleaning_fee_cents,
    service_fee_cents: serviceFee,
    total_cents: subtotal + price.cleaning_fee_cents + serviceFee,
  };
}

export function hostPayoutCents(snapshot: PriceSnapshot): number {
  const earned = snapshot.subtotal_cents + snapshot.cleaning_fee_cents;
  return earned - percentHalfUp(earned, 3);
}
