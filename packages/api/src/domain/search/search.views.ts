import type { PropertySearchResult } from '../../schemas/search.schemas.ts';
import type { SearchRow } from './search.queries.ts';
import type { SearchCriteria } from './search.rules.ts';
import type { SearchCursor } from './search-cursor.rules.ts';

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
