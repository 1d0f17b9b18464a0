import type { DB, Executor } from '@stayhub/db';
import { type Expression, type ExpressionBuilder, type SqlBool, sql } from 'kysely';
import { timestampKey } from '../shared/keyset.queries.ts';
import type { SearchCriteria } from './search.rules.ts';
import { EARTH_RADIUS_KM, type GeoWindow } from './search-area.rules.ts';

type Eb = ExpressionBuilder<DB, 'properties'>;

/**
 * The public position of a listing: its coordinates rounded to 2 decimals (SPEC §4 privacy). Results show
 * only these, and every location filter, distance and sort uses them, so no sequence of searches can
 * locate a place more precisely than its pin on the map. (Rounded in float8, not numeric: a numeric cast
 * per coordinate costs more than the rest of a map search; only exact ties could round differently.)
 */
const approxLat = sql<number>`round(properties.lat * 100) / 100`;
const approxLng = sql<number>`round(properties.lng * 100) / 100`;

/**
 * Rounding moves a coordinate by at most 0.005°, so a place whose rounded position is inside a window has
 * its exact position inside the window widened by that much (a little more, for float noise): that wider
 * range on the exact columns is what the properties_listed_location_idx (lat, lng, …) btree scans.
 */
const ROUNDING_MARGIN_DEG = 0.006;

/** coalesce(rating_avg, 0): ratings are 1–5 (CHECK), so unrated places sort after every rated one. */
const ratingKey = sql<number>`coalesce(properties.rating_avg, 0)`;

/** created_at as text with microseconds, the `newest` cursor key (a JS Date would drop the microseconds). */
const createdAtKey = timestampKey(sql.ref<Date>('properties.created_at'));

/** Haversine distance in km from `center` to the public position, the same formula as haversineKm(). */
function distanceKm(center: { lat: number; lng: number }) {
  return sql<number>`(2 * ${sql.lit(EARTH_RADIUS_KM)} * asin(least(1, sqrt(
    power(sin(radians(${approxLat} - ${center.lat}::float8) / 2), 2)
    + cos(radians(${center.lat}::float8)) * cos(radians(${approxLat}))
      * power(sin(radians(${approxLng} - ${center.lng}::float8) / 2), 2)))))`;
}

function lngRanges(eb: Eb, column: Expression<number>, window: GeoWindow, margin: number) {
  if (window.lng === 'any') return sql<SqlBool>`true`;
  return eb.or(window.lng.map((range) => eb.between(column, range.min - margin, range.max + margin)));
}

/** The exact-coordinate prefilter the (lat, lng) index serves. */
function windowPrefilter(eb: Eb, window: GeoWindow) {
  return eb.and([
    eb.between('properties.lat', window.minLat - ROUNDING_MARGIN_DEG, window.maxLat + ROUNDING_MARGIN_DEG),
    lngRanges(eb, eb.ref('properties.lng'), window, ROUNDING_MARGIN_DEG),
  ]);
}

/** The window itself, on the public (rounded) position. */
function windowOnPublicPosition(eb: Eb, window: GeoWindow) {
  return eb.and([eb.between(approxLat, window.minLat, window.maxLat), lngRanges(eb, approxLng, window, 0)]);
}

/**
 * The holds of a property that overlap the stay [start, end). A hold's `during` is
 * daterange(start_date, end_date, '[)') and never empty (CHECK end_date > start_date), so
 * `during && daterange(start, end, '[)')` is exactly `start_date < end AND end_date > start`. Written this
 * way, occupancy_property_id_end_date_idx (migration 0010) answers it index-only, about 5x faster than the
 * EXCLUDE GiST, and its end_date order skips the property's past holds. `propertyId` is the outer column.
 */
function holdsDuring(
  db: Executor,
  propertyId: Expression<string>,
  stay: NonNullable<SearchCriteria['stay']>,
) {
  return db
    .selectFrom('occupancy')
    .select(sql<number>`1`.as('held'))
    .where('occupancy.property_id', '=', propertyId)
    .where('occupancy.end_date', '>', stay.startDate)
    .where('occupancy.start_date', '<', stay.endDate);
}

/**
 * The property's row for one amenity: a probe of property_amenities_amenity_id_idx per listing, or a scan
 * of that amenity's listings when it is rare (the planner picks).
 */
function amenityOf(db: Executor, propertyId: Expression<string>, amenityId: string) {
  return db
    .selectFrom('property_amenities')
    .select(sql<number>`1`.as('has'))
    .where('property_amenities.property_id', '=', propertyId)
    .where('property_amenities.amenity_id', '=', amenityId);
}

export interface SearchQuery extends SearchCriteria {
  /** The ids of every amenity the place must have. */
  amenityIds: string[];
}

/** The columns a page is ordered by, per sort, after pageKeysQuery has named them. */
const keyOrder: Record<SearchCriteria['sort'], readonly (readonly [string, 'asc' | 'desc'])[]> = {
  newest: [
    ['created_at', 'desc'],
    ['property_id', 'asc'],
  ],
  price_asc: [
    ['price_per_night_cents', 'asc'],
    ['property_id', 'asc'],
  ],
  price_desc: [
    ['price_per_night_cents', 'desc'],
    ['property_id', 'desc'],
  ],
  rating: [
    ['rating_key', 'desc'],
    ['property_id', 'asc'],
  ],
  distance: [
    ['distance_km', 'asc'],
    ['property_id', 'asc'],
  ],
};

/**
 * Listed places matching the filters that the properties row itself can answer, strictly after the
 * cursor, in the requested order (no limit): their keys, named as keyOrder expects. Only columns
 * properties_listed_location_idx covers are read, so a map area is filtered and ordered index-only. The
 * order per sort, always total thanks to the property_id tiebreak:
 *   newest      created_at DESC, property_id ASC            properties_status_newest_idx
 *   price_asc   price ASC, property_id ASC                  properties_price_idx, or with `currency`
 *   price_desc  price DESC, property_id DESC                  properties_listed_currency_price_idx (backwards)
 *   rating      coalesce(rating_avg, 0) DESC, property_id   properties_listed_rating_idx
 *   distance    distance ASC, property_id ASC               the (lat, lng) window, then a sort of it
 * Mixed-direction keys are paged with `key <= k AND (key < k OR id > i)`: the first half bounds the index
 * scan, the second only decides ties.
 */
function orderedCandidates(db: Executor, q: SearchQuery) {
  const distance = q.near ? distanceKm(q.near) : undefined;
  let query = db
    .selectFrom('properties')
    .select([
      'properties.property_id',
      'properties.created_at',
      'properties.price_per_night_cents',
      ratingKey.as('rating_key'),
      (distance ?? sql<number | null>`null::float8`).as('distance_km'),
    ])
    .where('properties.status', '=', 'listed');

  if (q.pattern !== undefined) {
    const pattern = q.pattern;
    query = query.where((eb) =>
      eb.or([eb('properties.name', 'ilike', pattern), eb('properties.city', 'ilike', pattern)]),
    );
  }
  if (q.country !== undefined) query = query.where('properties.country', '=', q.country);
  if (q.window !== undefined) {
    const window = q.window;
    query = query.where((eb) => windowPrefilter(eb, window));
    // For `near`, the distance below is the exact test; a bbox is tested on the public position here.
    if (q.near === undefined) query = query.where((eb) => windowOnPublicPosition(eb, window));
  }
  if (q.near !== undefined && distance !== undefined) {
    query = query.where(distance, '<=', q.near.radiusKm);
  }
  if (q.stay !== undefined) {
    query = query
      .where('properties.min_nights', '<=', q.stay.nights)
      .where('properties.max_nights', '>=', q.stay.nights);
  }
  if (q.guests !== undefined) query = query.where('properties.max_guests', '>=', q.guests);
  if (q.minPriceCents !== undefined)
    query = query.where('properties.price_per_night_cents', '>=', q.minPriceCents);
  if (q.maxPriceCents !== undefined)
    query = query.where('properties.price_per_night_cents', '<=', q.maxPriceCents);
  if (q.currency !== undefined) query = query.where('properties.currency', '=', q.currency);
  if (q.propertyType !== undefined) query = query.where('properties.property_type', '=', q.propertyType);
  if (q.instantBook !== undefined) query = query.where('properties.instant_book', '=', q.instantBook);
  if (q.minRating !== undefined) query = query.where(ratingKey, '>=', q.minRating);

  const after = q.after;
  switch (q.sort) {
    case 'newest':
      if (after?.sort === 'newest') {
        const at = sql<Date>`${after.createdAt}::timestamptz`;
        query = query.where((eb) =>
          eb.and([
            eb('properties.created_at', '<=', at),
            eb.or([
              eb('properties.created_at', '<', at),
              eb('properties.property_id', '>', after.propertyId),
            ]),
          ]),
        );
      }
      return query.orderBy('properties.created_at', 'desc').orderBy('properties.property_id', 'asc');
    case 'price_asc':
    case 'price_desc': {
      const direction = q.sort === 'price_asc' ? 'asc' : 'desc';
      if (after?.sort === 'price_asc' || after?.sort === 'price_desc') {
        query = query.where((eb) =>
          eb(
            eb.refTuple('properties.price_per_night_cents', 'properties.property_id'),
            direction === 'asc' ? '>' : '<',
            eb.tuple(after.pricePerNightCents, after.propertyId),
          ),
        );
      }
      return query
        .orderBy('properties.price_per_night_cents', direction)
        .orderBy('properties.property_id', direction);
    }
    case 'rating':
      if (after?.sort === 'rating') {
        const rating = sql<number>`${after.rating}::numeric`;
        query = query.where((eb) =>
          eb.and([
            eb(ratingKey, '<=', rating),
            eb.or([eb(ratingKey, '<', rating), eb('properties.property_id', '>', after.propertyId)]),
          ]),
        );
      }
      return query.orderBy(ratingKey, 'desc').orderBy('properties.property_id', 'asc');
    case 'distance': {
      // The rules only allow sort=distance with `near`; without it the order is by id alone.
      if (distance !== undefined && after?.sort === 'distance') {
        query = query.where(
          sql<SqlBool>`(${distance}, properties.property_id) > (${after.distanceKm}::float8, ${after.propertyId}::uuid)`,
        );
      }
      const ordered = distance === undefined ? query : query.orderBy(distance, 'asc');
      return ordered.orderBy('properties.property_id', 'asc');
    }
  }
}

/**
 * The keys of one page (`fetch` rows): the ordered candidates that are also free for the stay and have
 * every amenity. Those two are probes into other tables, one per candidate they look at, so where they
 * run matters:
 *   - a map search (bbox, near) has a bounded candidate set, read index-only: it is sorted first and the
 *     probes then walk it in order, stopping once the page is full — ~22 probes instead of one per
 *     listing in the area (a city box: ~2 500; 9 ms → 2 ms at 100 000 listings). The outer ORDER BY is
 *     the subquery's own, so Postgres adds no sort and the LIMIT stops the walk;
 *   - otherwise the planner interleaves them with the index walk of the sort order already.
 */
function pageKeysQuery(db: Executor, q: SearchQuery) {
  const { stay } = q;
  if (q.window === undefined) {
    let query = orderedCandidates(db, q);
    const propertyId = sql.ref<string>('properties.property_id');
    if (stay !== undefined) query = query.where((eb) => eb.not(eb.exists(holdsDuring(db, propertyId, stay))));
    for (const id of q.amenityIds) query = query.where((eb) => eb.exists(amenityOf(db, propertyId, id)));
    return query.limit(q.fetch);
  }
  const propertyId = sql.ref<string>('candidate.property_id');
  let query = db.selectFrom(orderedCandidates(db, q).as('candidate')).selectAll('candidate');
  if (stay !== undefined) query = query.where((eb) => eb.not(eb.exists(holdsDuring(db, propertyId, stay))));
  for (const id of q.amenityIds) query = query.where((eb) => eb.exists(amenityOf(db, propertyId, id)));
  for (const [column, direction] of keyOrder[q.sort]) {
    query = query.orderBy(sql.ref(`candidate.${column}`), direction);
  }
  return query.limit(q.fetch);
}

/**
 * One page of properties.search: the page's keys (pageKeysQuery), joined back to their rows for what
 * results show — only public columns, never the address or the exact coordinates — and the cover photo.
 */
export function searchPageQuery(db: Executor, q: SearchQuery) {
  const page = db
    .selectFrom(pageKeysQuery(db, q).as('page'))
    .innerJoin('properties', 'properties.property_id', 'page.property_id')
    .select([
      'properties.property_id',
      'properties.name',
      'properties.city',
      'properties.region',
      'properties.country',
      'properties.property_type',
      'properties.price_per_night_cents',
      'properties.cleaning_fee_cents',
      'properties.currency',
      'properties.max_guests',
      'properties.bedrooms',
      'properties.beds',
      'properties.bathrooms',
      'properties.instant_book',
      'properties.rating_avg',
      'properties.review_count',
      approxLat.as('approx_lat'),
      approxLng.as('approx_lng'),
      createdAtKey.as('created_at_key'),
      'page.rating_key',
      'page.distance_km',
    ])
    .select((eb) =>
      eb
        .selectFrom('property_photos')
        .select('property_photos.url')
        .whereRef('property_photos.property_id', '=', 'properties.property_id')
        // The cover is position 0; ordering (rather than `= 0`) still finds one if positions have gaps.
        .orderBy('property_photos.position')
        .limit(1)
        .as('cover_photo_url'),
    );
  // The join does not keep the subquery's order: sort the page again on its keys.
  return keyOrder[q.sort].reduce(
    (query, [column, direction]) => query.orderBy(sql.ref(`page.${column}`), direction),
    page,
  );
}

export type SearchRow = Awaited<ReturnType<ReturnType<typeof searchPageQuery>['execute']>>[number];

/** The catalog entries of these amenity codes (unknown codes are simply absent). */
export function findAmenitiesByCodes(db: Executor, codes: readonly string[]) {
  return db
    .selectFrom('amenities')
    .select(['amenities.amenity_id', 'amenities.code'])
    .where('amenities.code', 'in', codes)
    .execute();
}
