import { ValidationError } from '../errors.ts';
import { MAX_STAY_NIGHTS } from '../properties/property.limits.ts';
import { addDays, daysBetween } from '../shared/dates.ts';
import { containsPattern } from '../shared/like-pattern.ts';
import type { PropertySearchInput, SearchSort } from './search.types.ts';
import { bboxWindow, circleWindow, type GeoWindow } from './search-area.rules.ts';
import { decodeSearchCursor, type SearchCursor } from './search-cursor.rules.ts';

/** What one page of `properties.search` asks of the database, after every input rule has passed. */
export interface SearchCriteria {
  /** An ILIKE pattern matched against name and city. */
  pattern?: string | undefined;
  country?: string | undefined;
  /** The latitude/longitude window (bbox, or the bounding box of `near`). */
  window?: GeoWindow | undefined;
  near?: { lat: number; lng: number; radiusKm: number } | undefined;
  stay?: { startDate: string; endDate: string; nights: number } | undefined;
  guests?: number | undefined;
  minPriceCents?: number | undefined;
  maxPriceCents?: number | undefined;
  currency?: string | undefined;
  propertyType?: PropertySearchInput['propertyType'];
  instantBook?: boolean | undefined;
  minRating?: number | undefined;
  sort: SearchSort;
  /** Rows strictly after this keyset position. */
  after?: SearchCursor | undefined;
  /** Rows to fetch: the page size plus one, to learn whether there is a next page. */
  fetch: number;
}

export interface SearchPlan {
  criteria: SearchCriteria;
  /** Sorted, without repeats; resolved to amenity ids (and checked against the catalog) by the service. */
  amenityCodes: string[];
  pageSize: number;
  /** The input in one canonical form: equal searches give equal JSON, so they share a cache entry. */
  canonical: string;
  /** Date-filtered pages depend on holds and blocks as well as on listings (listing-cache.ts). */
  dependsOnAvailability: boolean;
}

function fail(message: string, path: string, reason: ValidationError['reason'] = 'VALIDATION_FAILED'): never {
  throw new ValidationError(message, [path], reason);
}

function stayOf(input: PropertySearchInput, today: string): SearchCriteria['stay'] {
  const { startDate, endDate } = input;
  if (startDate === undefined && endDate === undefined) return undefined;
  if (startDate === undefined) return fail('give a start date with the end date', 'startDate');
  if (endDate === undefined) return fail('give an end date with the start date', 'endDate');
  const nights = daysBetween(startDate, endDate);
  if (nights < 1) return fail('the end date must be after the start date', 'endDate');
  // The longest stay one can search for is the longest stay one can book.
  if (nights > MAX_STAY_NIGHTS)
    return fail(`a stay is at most ${MAX_STAY_NIGHTS} nights`, 'endDate', 'STAY_TOO_LONG');
  // "Today" differs by time zone; a day before today in UTC is already past everywhere on Earth.
  if (startDate < addDays(today, -1))
    return fail('the start date is in the past', 'startDate', 'START_IN_PAST');
  return { startDate, endDate, nights };
}

function windowOf(input: PropertySearchInput): GeoWindow | undefined {
  if (input.bbox && input.near) return fail('search by bbox or by near, not both', 'near');
  if (input.bbox) {
    if (input.bbox.minLat > input.bbox.maxLat) return fail('minLat must not exceed maxLat', 'bbox.minLat');
    return bboxWindow(input.bbox);
  }
  if (input.near) return circleWindow(input.near, input.near.radiusKm);
  return undefined;
}

function cursorOf(input: PropertySearchInput): SearchCursor | undefined {
  if (!input.cursor) return undefined;
  return (
    decodeSearchCursor(input.cursor, input.sort) ??
    fail('this cursor is not one a previous page of this sort returned', 'cursor', 'INVALID_CURSOR')
  );
}

/** The canonical form of an input: fixed key order, blank text dropped, amenities sorted and unique. */
function canonicalOf(input: PropertySearchInput, text: string | undefined, amenityCodes: string[]): string {
  return JSON.stringify({
    text,
    country: input.country,
    bbox: input.bbox && [input.bbox.minLat, input.bbox.minLng, input.bbox.maxLat, input.bbox.maxLng],
    near: input.near && [input.near.lat, input.near.lng, input.near.radiusKm],
    startDate: input.startDate,
    endDate: input.endDate,
    guests: input.guests,
    minPriceCents: input.minPriceCents,
    maxPriceCents: input.maxPriceCents,
    currency: input.currency,
    amenities: amenityCodes.length > 0 ? amenityCodes : undefined,
    propertyType: input.propertyType,
    instantBook: input.instantBook,
    minRating: input.minRating,
    sort: input.sort,
    cursor: input.cursor || undefined,
    limit: input.limit,
  });
}

/**
 * Checks the rules that tie input fields together and turns the input into what the query needs
 * (SPEC §5). `today` is the UTC calendar day. Throws ValidationError (BAD_REQUEST) with the field's path.
 */
export function planSearch(input: PropertySearchInput, today: string): SearchPlan {
  const window = windowOf(input);
  if (input.sort === 'distance' && !input.near) fail('sort by distance needs `near`', 'sort');
  if (
    input.minPriceCents !== undefined &&
    input.maxPriceCents !== undefined &&
    input.minPriceCents > input.maxPriceCents
  ) {
    fail('minPriceCents must not exceed maxPriceCents', 'minPriceCents');
  }
  const stay = stayOf(input, today);
  const after = cursorOf(input);
  const text = input.text ? input.text : undefined;
  const amenityCodes = [...new Set(input.amenities ?? [])].sort();
  return {
    criteria: {
      pattern: text === undefined ? undefined : containsPattern(text),
      country: input.country,
      window,
      near: input.near,
      stay,
      guests: input.guests,
      minPriceCents: input.minPriceCents,
      maxPriceCents: input.maxPriceCents,
      currency: input.currency,
      propertyType: input.propertyType,
      instantBook: input.instantBook,
      minRating: input.minRating,
      sort: input.sort,
      after,
      fetch: input.limit + 1,
    },
    amenityCodes,
    pageSize: input.limit,
    canonical: canonicalOf(input, text, amenityCodes),
    dependsOnAvailability: stay !== undefined,
  };
}
