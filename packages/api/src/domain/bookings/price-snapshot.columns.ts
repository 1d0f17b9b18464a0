import type { Bookings } from '@stayhub/db';
import type { Insertable } from 'kysely';
import type { PriceBreakdown } from './pricing.rules.ts';

type PriceSnapshotColumns = Pick<
  Insertable<Bookings>,
  | 'nightly_price_cents'
  | 'nights'
  | 'subtotal_cents'
  | 'cleaning_fee_cents'
  | 'service_fee_cents'
  | 'total_cents'
>;

/** The booking row's price snapshot (SPEC §4): what `priceStay` computed, frozen at booking time. */
export function priceSnapshotColumns(price: PriceBreakdown): PriceSnapshotColumns {
  return {
    nightly_price_cents: price.nightlyPriceCents,
    nights: price.nights,
    subtotal_cents: price.subtotalCents,
    cleaning_fee_cents: price.cleaningFeeCents,
    service_fee_cents: price.serviceFeeCents,
    total_cents: price.totalCents,
  };
}
