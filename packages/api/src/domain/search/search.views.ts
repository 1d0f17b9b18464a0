import type { PropertyType } from '@stayhub/db';
import type { SearchRow } from './search.queries.ts';
import type { SearchCriteria } from './search.rules.ts';
import type { SearchCursor } from './search-cursor.rules.ts';

/**
 * A listing as anyone may see it in results (SPEC §4 privacy): never the address or the exact position.
 * `lat`/`lng` are rounded to 2 decimals (about a kilometre), and every location filter, distance and sort
 * works on those rounded coordinates, so no query can narrow a place down further than the map shows.
 */
export interface PropertySearchResult {
  propertyId: string;
  name: string;
  city: string;
  region: string | null;
  country: string;
  propertyType: PropertyType;
  pricePerNightCents: number;
  cleaningFeeCents: number;
  currency: string;
  maxGuests: number;
  bedrooms: number;
  beds: number;
  bathrooms: number;
  instantBook: boolean;
  ratingAvg: number | null;
  reviewCount: number;
  /** The first photo (position 0), if any. */
  coverPhotoUrl: string | null;
  /** Approximate: rounded to 2 decimals. */
  lat: number;
  lng: number;
  /** Kilometres from `near` (to the approximate position, 0.1 km steps); null without `near`. */
  distanceKm: number | null;
}

export interface PropertySearchPage {
  items: PropertySearchResult[];
  nextCursor: string | null;
}

/** A result row as anyone may see it (SPEC §4): the row holds only public columns and the rounded position. */
export function toSearchResult(row: SearchRow): PropertySearchResult {
  return {
    propertyId: row.property_id,
    name: row.name,
    city: row.city,
    region: row.region,
    country: row.country,
    propertyType: row.property_type,
    pricePerNightCents: row.price_per_night_cents,
    cleaningFeeCents: row.cleaning_fee_cents,
    currency: row.currency,
    maxGuests: row.max_guests,
    bedrooms: row.bedrooms,
    beds: row.beds,
    bathrooms: row.bathrooms,
    instantBook: row.instant_book,
    ratingAvg: row.rating_avg,
    reviewCount: row.review_count,
    coverPhotoUrl: row.cover_photo_url,
    lat: row.approx_lat,
    lng: row.approx_lng,
    // To the public position already; 0.1 km steps are plenty for "3.4 km away".
    distanceKm: row.distance_km === null ? null : Math.round(row.distance_km * 10) / 10,
  };
}

/** The keyset position just after `row` in the page's order. */
export function cursorAfter(row: SearchRow, sort: SearchCriteria['sort']): SearchCursor {
  const propertyId = row.property_id;
  switch (sort) {
    case 'newest':
      return { sort, createdAt: row.created_at_key, propertyId };
    case 'price_asc':
    case 'price_desc':
      return { sort, pricePerNightCents: row.price_per_night_cents, propertyId };
    case 'rating':
      return { sort, rating: row.rating_key, propertyId };
    case 'distance':
      return { sort, distanceKm: row.distance_km ?? 0, propertyId };
  }
}
