import type { PropertyType } from '@stayhub/db';
import type { Bbox } from './search-area.rules.ts';

/** newest (default), price_asc, price_desc, rating (unrated last), distance (needs `near`). */
export const searchSorts = ['newest', 'price_asc', 'price_desc', 'rating', 'distance'] as const;
export type SearchSort = (typeof searchSorts)[number];

/**
 * properties.search (SPEC §5), with each field valid on its own; the rules that tie fields together are
 * planSearch's (search.rules.ts).
 */
export interface PropertySearchInput {
  /** Blank means no filter. */
  text?: string | undefined;
  /** ISO 3166 alpha-2, upper case. */
  country?: string | undefined;
  bbox?: Bbox | undefined;
  near?: { lat: number; lng: number; radiusKm: number } | undefined;
  startDate?: string | undefined;
  endDate?: string | undefined;
  guests?: number | undefined;
  /** Nightly price bounds in minor units of each listing's own currency. */
  minPriceCents?: number | undefined;
  maxPriceCents?: number | undefined;
  /** ISO 4217, upper case. */
  currency?: string | undefined;
  amenities?: string[] | undefined;
  propertyType?: PropertyType | undefined;
  instantBook?: boolean | undefined;
  minRating?: number | undefined;
  sort: SearchSort;
  cursor?: string | null | undefined;
  limit: number;
}
