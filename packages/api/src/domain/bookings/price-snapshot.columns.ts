import type { Bookings } from '@stayhub/db';
import type { Insertable, Selectable } from 'kysely';
import { eachDay } from '../shared/dates.ts';
import type { NightPrice, PriceBreakdown } from './pricing.rules.ts';

type PriceSnapshotColumns = Pick<
  Insertable<Bookings>,
  | 'nightly_price_cents'
  | 'nights'
  | 'nightly_prices'
  | 'discount_percent'
  | 'discount_cents'
  | 'subtotal_cents'
  | 'cleaning_fee_cents'
  | 'service_fee_cents'
  | 'total_cents'
>;

/**
 * The booking row's price snapshot (SPEC §4, §9): what `priceStay` computed, frozen at booking time — each
 * night's price in order from start_date, the discount, the fees and the total. Later price edits and
 * per-night overrides never touch it.
 */
export function priceSnapshotColumns(price: PriceBreakdown): PriceSnapshotColumns {
  return {
    nightly_price_cents: price.nightlyPriceCents,
    nights: price.nights,
    nightly_prices: price.nightlyPrices.map((night) => night.priceCents),
    discount_percent: price.discountPercent,
    discount_cents: price.discountCents,
    subtotal_cents: price.subtotalCents,
    cleaning_fee_cents: price.cleaningFeeCents,
    service_fee_cents: price.serviceFeeCents,
    total_cents: price.totalCents,
  };
}

/**
 * The snapshot's nights with their dates. Rows from before prices by date (migration 0020) and rows
 * written straight to the table have no list: every night cost nightly_price_cents (their CHECK says so).
 */
export function snapshotNightlyPrices(
  row: Pick<Selectable<Bookings>, 'start_date' | 'end_date' | 'nightly_prices' | 'nightly_price_cents'>,
): NightPrice[] {
  return eachDay(row.start_date, row.end_date).map((date, index) => ({
    date,
    priceCents: row.nightly_prices?.[index] ?? row.nightly_price_cents,
  }));
}
