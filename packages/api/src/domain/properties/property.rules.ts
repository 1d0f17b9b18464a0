import type { DB, PropertyStatus } from '@stayhub/db';
import type { Insertable, Updateable } from 'kysely';
import type { Viewer } from '../auth/viewer.ts';
import { MAX_STAY_NIGHTS } from './property.limits.ts';
import type { CreatePropertyInput, UpdatePropertyInput } from './property.types.ts';

/** The property's host, or an admin, who may act for any host. */
export function canManage(viewer: Viewer | null, hostId: string): boolean {
  return viewer !== null && (viewer.role === 'admin' || viewer.userId === hostId);
}

/** Listed places are public; any other status is seen only by whoever manages the place (others: NOT_FOUND). */
export function canView(status: PropertyStatus, manages: boolean): boolean {
  return status === 'listed' || manages;
}

/** ≈1 km: what everyone else sees of a listing's position (2 decimals of a degree). */
export function approximateCoordinate(value: number): number {
  return Math.round(value * 100) / 100;
}

export type PropertyInsert = Insertable<DB['properties']>;
export type PropertyPatch = Updateable<DB['properties']>;

/** A new draft listing's row. Columns the input leaves out keep their database defaults. */
export function newPropertyRow(hostId: string, input: CreatePropertyInput): PropertyInsert {
  return {
    host_id: hostId,
    status: 'draft',
    name: input.name,
    description: input.description ?? '',
    property_type: input.propertyType,
    address: input.address ?? '',
    city: input.city,
    region: input.region ?? null,
    country: input.country,
    lat: input.lat,
    lng: input.lng,
    timezone: input.timezone,
    price_per_night_cents: input.pricePerNightCents,
    cleaning_fee_cents: input.cleaningFeeCents,
    currency: input.currency,
    max_guests: input.maxGuests,
    bedrooms: input.bedrooms,
    beds: input.beds,
    bathrooms: input.bathrooms,
    min_nights: input.minNights,
    max_nights: input.maxNights,
    instant_book: input.instantBook,
    cancellation_policy: input.cancellationPolicy,
    weekend_price_per_night_cents: input.weekendPricePerNightCents,
    weekly_discount_percent: input.weeklyDiscountPercent,
    monthly_discount_percent: input.monthlyDiscountPercent,
    check_in_from: input.checkInFrom,
    check_in_until: input.checkInUntil,
    check_out_by: input.checkOutBy,
    house_rules: input.houseRules,
    pets_allowed: input.petsAllowed,
    smoking_allowed: input.smokingAllowed,
    events_allowed: input.eventsAllowed,
  };
}

/** The columns an update changes: only the fields it sent (amenities are not a column). */
export function propertyPatch(input: Omit<UpdatePropertyInput, 'propertyId' | 'amenities'>): PropertyPatch {
  const patch: PropertyPatch = {};
  if (input.name !== undefined) patch.name = input.name;
  if (input.description !== undefined) patch.description = input.description;
  if (input.propertyType !== undefined) patch.property_type = input.propertyType;
  if (input.address !== undefined) patch.address = input.address;
  if (input.city !== undefined) patch.city = input.city;
  if (input.region !== undefined) patch.region = input.region;
  if (input.country !== undefined) patch.country = input.country;
  if (input.lat !== undefined) patch.lat = input.lat;
  if (input.lng !== undefined) patch.lng = input.lng;
  if (input.timezone !== undefined) patch.timezone = input.timezone;
  if (input.pricePerNightCents !== undefined) patch.price_per_night_cents = input.pricePerNightCents;
  if (input.cleaningFeeCents !== undefined) patch.cleaning_fee_cents = input.cleaningFeeCents;
  if (input.currency !== undefined) patch.currency = input.currency;
  if (input.maxGuests !== undefined) patch.max_guests = input.maxGuests;
  if (input.bedrooms !== undefined) patch.bedrooms = input.bedrooms;
  if (input.beds !== undefined) patch.beds = input.beds;
  if (input.bathrooms !== undefined) patch.bathrooms = input.bathrooms;
  if (input.minNights !== undefined) patch.min_nights = input.minNights;
  if (input.maxNights !== undefined) patch.max_nights = input.maxNights;
  if (input.instantBook !== undefined) patch.instant_book = input.instantBook;
  if (input.cancellationPolicy !== undefined) patch.cancellation_policy = input.cancellationPolicy;
  if (input.weekendPricePerNightCents !== undefined) {
    patch.weekend_price_per_night_cents = input.weekendPricePerNightCents;
  }
  if (input.weeklyDiscountPercent !== undefined) patch.weekly_discount_percent = input.weeklyDiscountPercent;
  if (input.monthlyDiscountPercent !== undefined)
    patch.monthly_discount_percent = input.monthlyDiscountPercent;
  if (input.checkInFrom !== undefined) patch.check_in_from = input.checkInFrom;
  if (input.checkInUntil !== undefined) patch.check_in_until = input.checkInUntil;
  if (input.checkOutBy !== undefined) patch.check_out_by = input.checkOutBy;
  if (input.houseRules !== undefined) patch.house_rules = input.houseRules;
  if (input.petsAllowed !== undefined) patch.pets_allowed = input.petsAllowed;
  if (input.smokingAllowed !== undefined) patch.smoking_allowed = input.smokingAllowed;
  if (input.eventsAllowed !== undefined) patch.events_allowed = input.eventsAllowed;
  return patch;
}

/** What a listing needs before guests see it, besides what the schema already requires. */
export interface ListingContent {
  description: string;
  address: string;
  photoCount: number;
}

export type MissingForListing = 'description' | 'address' | 'photos';

/** Empty when the listing can be listed (SPEC §3): a description, an address and at least one photo. */
export function missingForListing(content: ListingContent): MissingForListing[] {
  const missing: MissingForListing[] = [];
  if (content.description.trim() === '') missing.push('description');
  if (content.address.trim() === '') missing.push('address');
  if (content.photoCount < 1) missing.push('photos');
  return missing;
}

/** The stay-length bounds after a partial update: the database's CHECK, asked first to name the field. */
export function nightsInOrder(minNights: number, maxNights: number): boolean {
  return minNights >= 1 && minNights <= maxNights && maxNights <= MAX_STAY_NIGHTS;
}
