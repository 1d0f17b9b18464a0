import type { Executor } from '@stayhub/db';
import { sql } from 'kysely';

/** The host's per-night prices of a listing in [from, to), by night (the primary key's range). */
export async function findNightPrices(
  db: Executor,
  propertyId: string,
  from: string,
  to: string,
): Promise<Map<string, number>> {
  const rows = await db
    .selectFrom('property_night_prices')
    .select(['night', 'price_per_night_cents'])
    .where('property_id', '=', propertyId)
    .where('night', '>=', from)
    .where('night', '<', to)
    .execute();
  return new Map(rows.map((row) => [row.night, row.price_per_night_cents]));
}

/** Every night of [from, to) at `priceCents`, replacing what was there. */
export async function upsertNightPrices(
  db: Executor,
  propertyId: string,
  nights: readonly string[],
  priceCents: number,
): Promise<void> {
  if (nights.length === 0) return;
  await db
    .insertInto('property_night_prices')
    .values(nights.map((night) => ({ property_id: propertyId, night, price_per_night_cents: priceCents })))
    .onConflict((oc) =>
      oc.columns(['property_id', 'night']).doUpdateSet({ price_per_night_cents: priceCents }),
    )
    .execute();
}

export async function deleteNightPrices(db: Executor, propertyId: string, from: string, to: string) {
  await db
    .deleteFrom('property_night_prices')
    .where('property_id', '=', propertyId)
    .where('night', '>=', from)
    .where('night', '<', to)
    .execute();
}

/** Keeps properties.has_night_prices true exactly when the listing has a per-night price (search skips the rest). */
export async function refreshHasNightPrices(db: Executor, propertyId: string): Promise<void> {
  await db
    .updateTable('properties')
    .set({
      has_night_prices: sql<boolean>`exists (
        select 1 from property_night_prices where property_night_prices.property_id = ${propertyId}
      )`,
    })
    .where('property_id', '=', propertyId)
    .execute();
}
