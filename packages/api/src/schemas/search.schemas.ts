import { z } from 'zod';
import { AMENITY_CODE, MAX_AMENITY_CODE_LENGTH } from '../domain/properties/amenity.rules.ts';
import { propertyTypes } from '../domain/properties/property.types.ts';
import { type PropertySearchInput, searchSorts } from '../domain/search/search.types.ts';
import type { PropertySearchPage, PropertySearchResult } from '../domain/search/search.views.ts';
import { SEARCH_MAX_RADIUS_KM, SEARCH_MIN_RADIUS_KM } from '../domain/search/search-area.rules.ts';
import { DEFAULT_PAGE_SIZE, MAX_CURSOR_LENGTH, MAX_PAGE_SIZE } from '../domain/shared/page.limits.ts';
import { schemaFor } from '../domain/shared/schema-for.ts';
import { isoDateInput } from './properties.schemas.ts';
import { text } from './text.ts';

/**
 * The contract of `properties.search` (SPEC §5). Field rules live here; rules that tie fields together
 * (bbox or near, both dates, start < end, distance needs near, min ≤ max) are checked by the service
 * (domain/search/search.rules.ts), so every caller gets them, and they answer BAD_REQUEST with a field path.
 */

const latitude = z.number().min(-90).max(90);
const longitude = z.number().min(-180).max(180);
const cents = z.number().int().min(0).max(2_000_000_000);

export const propertySearchInput = schemaFor<PropertySearchInput>()(
  z
    .object({
      /** Case-insensitive substring of the name or the city; `%` and `_` match themselves. Blank = no filter. */
      text: text({ max: 100 }).optional(),
      /** ISO 3166 alpha-2, any case. */
      country: z
        .string()
        .trim()
        .regex(/^[A-Za-z]{2}$/, 'use an ISO 3166 alpha-2 code')
        .transform((value) => value.toUpperCase())
        .optional(),
      /**
       * A map window. minLng > maxLng means the window crosses the antimeridian (170 → -170). Matched
       * against the public (approximate) coordinates, like everything about location here.
       */
      bbox: z.object({ minLat: latitude, minLng: longitude, maxLat: latitude, maxLng: longitude }).optional(),
      /** Places within radiusKm of a point (great-circle distance); not together with bbox. */
      near: z
        .object({
          lat: latitude,
          lng: longitude,
          radiusKm: z.number().min(SEARCH_MIN_RADIUS_KM).max(SEARCH_MAX_RADIUS_KM),
        })
        .optional(),
      /** Both or neither: only places free for every night of [startDate, endDate). */
      startDate: isoDateInput.optional(),
      endDate: isoDateInput.optional(),
      guests: z.number().int().min(1).max(100).optional(),
      /**
       * Price bounds on the nightly price, in minor units of each listing's own currency: listings are not
       * converted, so 15 000 is ¥15 000 for a listing in JPY and €150 for one in EUR. Pass `currency` to
       * compare like with like (the price sorts are only meaningful within one currency too).
       */
      minPriceCents: cents.optional(),
      maxPriceCents: cents.optional(),
      currency: z
        .string()
        .trim()
        .regex(/^[A-Za-z]{3}$/, 'use an ISO 4217 code')
        .transform((value) => value.toUpperCase())
        .optional(),
      /** Amenity codes ('wifi', 'pool'…); a place must have all of them. */
      amenities: z
        .array(z.string().regex(AMENITY_CODE, 'not an amenity code').max(MAX_AMENITY_CODE_LENGTH))
        .max(30)
        .optional(),
      propertyType: z.enum(propertyTypes).optional(),
      instantBook: z.boolean().optional(),
      minRating: z.number().min(1).max(5).optional(),
      /** newest (default), price_asc, price_desc, rating (unrated last), distance (needs `near`). */
      sort: z.enum(searchSorts).default('newest'),
      /** `nextCursor` of the previous page with the same sort (null or absent for the first page). */
      cursor: z.string().max(MAX_CURSOR_LENGTH).nullish(),
      limit: z.number().int().min(1).max(MAX_PAGE_SIZE).default(DEFAULT_PAGE_SIZE),
    })
    // `properties.search()` with no input lists the newest listings.
    .prefault({}),
);

/**
 * A listing as anyone may see it in results (SPEC §4 privacy): never the address or the exact position.
 * `lat`/`lng` are rounded to 2 decimals (about a kilometre), and every location filter, distance and sort
 * works on those rounded coordinates, so no query can narrow a place down further than the map shows.
 */
export const propertySearchResult = schemaFor<PropertySearchResult>()(
  z.object({
    propertyId: z.uuid(),
    name: z.string(),
    city: z.string(),
    region: z.string().nullable(),
    country: z.string(),
    propertyType: z.enum(propertyTypes),
    pricePerNightCents: z.number().int(),
    cleaningFeeCents: z.number().int(),
    currency: z.string(),
    maxGuests: z.number().int(),
    bedrooms: z.number().int(),
    beds: z.number().int(),
    bathrooms: z.number(),
    instantBook: z.boolean(),
    ratingAvg: z.number().nullable(),
    reviewCount: z.number().int(),
    /** The first photo (position 0), if any. */
    coverPhotoUrl: z.string().nullable(),
    /** Approximate: rounded to 2 decimals. */
    lat: z.number(),
    lng: z.number(),
    /** Kilometres from `near` (to the approximate position, 0.1 km steps); null without `near`. */
    distanceKm: z.number().nullable(),
  }),
);

export const propertySearchPage = schemaFor<PropertySearchPage>()(
  z.object({
    items: z.array(propertySearchResult),
    nextCursor: z.string().nullable(),
  }),
);
