import { z } from 'zod';
import { MAX_PRICE_PER_NIGHT_CENTS } from '../properties/property.limits.ts';
import { isMicrosecondTimestamp } from '../shared/dates.ts';
import { decodeOpaqueCursor, encodeOpaqueCursor } from '../shared/opaque-cursor.ts';
import type { SearchSort } from './search.types.ts';

/**
 * The keyset position of a search page: the last row's sort key plus its property_id (the tiebreak that
 * makes every order total). A page holds the rows strictly after it, so a row that exists throughout is
 * returned exactly once however many rows are inserted between pages. Each sort has its own key:
 *   newest      created_at, as Postgres prints it with microseconds (a JS Date keeps only milliseconds);
 *   price_*     price_per_night_cents;
 *   rating      coalesce(rating_avg, 0): ratings are 1–5 (CHECK), so 0 sorts unrated places last;
 *   distance    the float distance in km exactly as Postgres computed it (JSON round-trips a double).
 */
export type SearchCursor =
  | { sort: 'newest'; createdAt: string; propertyId: string }
  | { sort: 'price_asc' | 'price_desc'; pricePerNightCents: number; propertyId: string }
  | { sort: 'rating'; rating: number; propertyId: string }
  | { sort: 'distance'; distanceKm: number; propertyId: string };

/** The smallest normal double: Postgres refuses a float8 below it (a subnormal) as out of range (22003). */
const SMALLEST_NORMAL = 2.2250738585072014e-308;
const float8 = (min: number, max: number) =>
  z
    .number()
    .min(min)
    .max(max)
    .refine((k) => k === 0 || Math.abs(k) >= SMALLEST_NORMAL);

const payload = z.discriminatedUnion('s', [
  z.object({ s: z.literal('newest'), k: z.string().refine(isMicrosecondTimestamp), id: z.uuid() }),
  // price_per_night_cents is an int4 column, and no listing's price is above the listing limit.
  z.object({
    s: z.enum(['price_asc', 'price_desc']),
    k: z.number().int().min(0).max(MAX_PRICE_PER_NIGHT_CENTS),
    id: z.uuid(),
  }),
  z.object({ s: z.literal('rating'), k: float8(0, 5), id: z.uuid() }),
  z.object({ s: z.literal('distance'), k: float8(0, 25_000), id: z.uuid() }),
]);

function keyOf(cursor: SearchCursor): string | number {
  switch (cursor.sort) {
    case 'newest':
      return cursor.createdAt;
    case 'price_asc':
    case 'price_desc':
      return cursor.pricePerNightCents;
    case 'rating':
      return cursor.rating;
    case 'distance':
      return cursor.distanceKm;
  }
}

/** Opaque to clients: base64url of a small JSON object (the shared opaque cursor codec). */
export function encodeSearchCursor(cursor: SearchCursor): string {
  return encodeOpaqueCursor({ s: cursor.sort, k: keyOf(cursor), id: cursor.propertyId });
}

/**
 * The cursor a previous page of the same sort returned, or undefined for anything else (tampered,
 * truncated, or from another sort, whose key means something else).
 */
export function decodeSearchCursor(cursor: string, sort: SearchSort): SearchCursor | undefined {
  const data = decodeOpaqueCursor(cursor, payload);
  if (!data || data.s !== sort) return undefined;
  switch (data.s) {
    case 'newest':
      return { sort: data.s, createdAt: data.k, propertyId: data.id };
    case 'price_asc':
    case 'price_desc':
      return { sort: data.s, pricePerNightCents: data.k, propertyId: data.id };
    case 'rating':
      return { sort: data.s, rating: data.k, propertyId: data.id };
    case 'distance':
      return { sort: data.s, distanceKm: data.k, propertyId: data.id };
  }
}
