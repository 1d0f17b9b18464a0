import type { CancellationPolicy, DB, PropertyStatus, PropertyType } from '@stayhub/db';
import type { Selectable } from 'kysely';
import { approximateCoordinate } from './property.rules.ts';

/** The amenity catalog: one page (21 entries), so `nextCursor` is null; the shape is every list's (SPEC §5). */
export interface AmenityList {
  items: AmenityView[];
  nextCursor: string | null;
}

export interface AmenityView {
  code: string;
  name: string;
  category: string;
}

export interface PhotoView {
  photoId: string;
  url: string;
  caption: string | null;
  /** 0-based, contiguous: the first photo is the cover. */
  position: number;
}

/** The host as a listing shows them: never email or phone (SPEC §4). */
export interface PropertyHostView {
  userId: string;
  firstName: string;
  avatarUrl: string | null;
}

/**
 * A listing as a viewer sees it. `address` is null and `lat`/`lng` are rounded to 2 decimals (≈1 km)
 * unless the viewer is the host, an admin or a guest with a confirmed or completed stay (SPEC §4);
 * `exactLocation` says which one this is.
 */
export interface PropertyView {
  propertyId: string;
  host: PropertyHostView;
  name: string;
  description: string;
  propertyType: PropertyType;
  address: string | null;
  city: string;
  region: string | null;
  country: string;
  lat: number;
  lng: number;
  exactLocation: boolean;
  timezone: string;
  pricePerNightCents: number;
  cleaningFeeCents: number;
  currency: string;
  maxGuests: number;
  bedrooms: number;
  beds: number;
  bathrooms: number;
  minNights: number;
  maxNights: number;
  instantBook: boolean;
  cancellationPolicy: CancellationPolicy;
  /** SPEC §9 prices by date: Friday and Saturday nights (null: the nightly price). */
  weekendPricePerNightCents: number | null;
  weeklyDiscountPercent: number;
  monthlyDiscountPercent: number;
  /** SPEC §9 house times, local 'HH:MM' in the listing's time zone. */
  checkInFrom: string;
  checkInUntil: string;
  checkOutBy: string;
  /** SPEC §9 house rules: the host's own words (null: none) and three allowances. */
  houseRules: string | null;
  petsAllowed: boolean;
  smokingAllowed: boolean;
  eventsAllowed: boolean;
  status: PropertyStatus;
  ratingAvg: number | null;
  reviewCount: number;
  listedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
  amenities: AmenityView[];
  photos: PhotoView[];
}

/** SPEC §9: what a guest agrees to, as a booking and its confirmation show them (`text`: the rules). */
export interface HouseRulesView {
  checkInFrom: string;
  checkInUntil: string;
  checkOutBy: string;
  /** The host's own words; null: none. */
  text: string | null;
  petsAllowed: boolean;
  smokingAllowed: boolean;
  eventsAllowed: boolean;
}

export interface PropertyList {
  items: PropertyView[];
  nextCursor: string | null;
}

export interface PhotoList {
  photos: PhotoView[];
}

/** The property columns a view shows (everything but host_id, which becomes `host`). */
export const propertyViewColumns = [
  'properties.property_id',
  'properties.name',
  'properties.description',
  'properties.property_type',
  'properties.address',
  'properties.city',
  'properties.region',
  'properties.country',
  'properties.lat',
  'properties.lng',
  'properties.timezone',
  'properties.price_per_night_cents',
  'properties.cleaning_fee_cents',
  'properties.currency',
  'properties.max_guests',
  'properties.bedrooms',
  'properties.beds',
  'properties.bathrooms',
  'properties.min_nights',
  'properties.max_nights',
  'properties.instant_book',
  'properties.cancellation_policy',
  'properties.weekend_price_per_night_cents',
  'properties.weekly_discount_percent',
  'properties.monthly_discount_percent',
  'properties.check_in_from',
  'properties.check_in_until',
  'properties.check_out_by',
  'properties.house_rules',
  'properties.pets_allowed',
  'properties.smoking_allowed',
  'properties.events_allowed',
  'properties.status',
  'properties.rating_avg',
  'properties.review_count',
  'properties.listed_at',
  'properties.created_at',
  'properties.updated_at',
] as const;

type PropertyColumn = (typeof propertyViewColumns)[number] extends `properties.${infer C}` ? C : never;

export type PropertyViewRow = Pick<Selectable<DB['properties']>, PropertyColumn> & {
  host_id: string;
  host_first_name: string;
  host_avatar_url: string | null;
};

export type AmenityRow = Pick<Selectable<DB['amenities']>, 'code' | 'name' | 'category'>;
export type PhotoRow = Pick<Selectable<DB['property_photos']>, 'photo_id' | 'url' | 'caption' | 'position'>;

/**
 * What every viewer's view is made from: the exact address and coordinates. It is what the cache holds;
 * it never leaves the service as is — toViewerView decides what this viewer sees (SPEC §4).
 */
export interface BasePropertyView extends Omit<PropertyView, 'address' | 'exactLocation'> {
  address: string;
}

export type HouseRulesRow = Pick<
  Selectable<DB['properties']>,
  | 'check_in_from'
  | 'check_in_until'
  | 'check_out_by'
  | 'house_rules'
  | 'pets_allowed'
  | 'smoking_allowed'
  | 'events_allowed'
>;

export function toHouseRulesView(row: HouseRulesRow): HouseRulesView {
  return {
    checkInFrom: row.check_in_from,
    checkInUntil: row.check_in_until,
    checkOutBy: row.check_out_by,
    text: row.house_rules,
    petsAllowed: row.pets_allowed,
    smokingAllowed: row.smoking_allowed,
    eventsAllowed: row.events_allowed,
  };
}

export function toAmenityView(row: AmenityRow): AmenityView {
  return { code: row.code, name: row.name, category: row.category };
}

export function toPhotoView(row: PhotoRow): PhotoView {
  return { photoId: row.photo_id, url: row.url, caption: row.caption, position: row.position };
}

export function toBaseView(
  row: PropertyViewRow,
  amenities: readonly AmenityRow[],
  photos: readonly PhotoRow[],
): BasePropertyView {
  return {
    propertyId: row.property_id,
    host: { userId: row.host_id, firstName: row.host_first_name, avatarUrl: row.host_avatar_url },
    name: row.name,
    description: row.description,
    propertyType: row.property_type,
    address: row.address,
    city: row.city,
    region: row.region,
    country: row.country,
    lat: row.lat,
    lng: row.lng,
    timezone: row.timezone,
    pricePerNightCents: row.price_per_night_cents,
    cleaningFeeCents: row.cleaning_fee_cents,
    currency: row.currency,
    maxGuests: row.max_guests,
    bedrooms: row.bedrooms,
    beds: row.beds,
    bathrooms: row.bathrooms,
    minNights: row.min_nights,
    maxNights: row.max_nights,
    instantBook: row.instant_book,
    cancellationPolicy: row.cancellation_policy,
    weekendPricePerNightCents: row.weekend_price_per_night_cents,
    weeklyDiscountPercent: row.weekly_discount_percent,
    monthlyDiscountPercent: row.monthly_discount_percent,
    checkInFrom: row.check_in_from,
    checkInUntil: row.check_in_until,
    checkOutBy: row.check_out_by,
    houseRules: row.house_rules,
    petsAllowed: row.pets_allowed,
    smokingAllowed: row.smoking_allowed,
    eventsAllowed: row.events_allowed,
    status: row.status,
    ratingAvg: row.rating_avg,
    reviewCount: row.review_count,
    listedAt: row.listed_at,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    amenities: amenities.map(toAmenityView),
    photos: [...photos].sort((a, b) => a.position - b.position).map(toPhotoView),
  };
}

/**
 * The one place a listing's location is released (SPEC §4): exact for the host, admins and guests with a
 * confirmed or completed stay; otherwise no address and coordinates rounded to ≈1 km.
 */
export function toViewerView(base: BasePropertyView, exact: boolean): PropertyView {
  return {
    ...base,
    address: exact ? base.address : null,
    lat: exact ? base.lat : approximateCoordinate(base.lat),
    lng: exact ? base.lng : approximateCoordinate(base.lng),
    exactLocation: exact,
  };
}
