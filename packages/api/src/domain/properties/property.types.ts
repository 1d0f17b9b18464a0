import type { CancellationPolicy, PropertyStatus, PropertyType } from '@stayhub/db';
import type { CountryCode } from './countries.ts';

/** The values of the database enums a listing uses, in the order the API documents them. */
export const propertyTypes = [
  'apartment',
  'house',
  'room',
  'cabin',
  'villa',
  'other',
] as const satisfies readonly PropertyType[];
export const cancellationPolicies = [
  'flexible',
  'moderate',
  'strict',
] as const satisfies readonly CancellationPolicy[];
export const propertyStatuses = [
  'draft',
  'listed',
  'unlisted',
  'archived',
  'suspended',
] as const satisfies readonly PropertyStatus[];

/** Every field a host sets on a listing (SPEC §3 properties), as validated and normalized. */
export interface PropertyFields {
  name: string;
  description: string;
  propertyType: PropertyType;
  /** The exact street address; shown only to the host, admins and guests with a stay (SPEC §4). */
  address: string;
  city: string;
  region: string | null;
  country: CountryCode;
  lat: number;
  lng: number;
  /** The canonical IANA name. */
  timezone: string;
  pricePerNightCents: number;
  cleaningFeeCents: number;
  /** ISO 4217, upper case. */
  currency: string;
  maxGuests: number;
  bedrooms: number;
  beds: number;
  bathrooms: number;
  minNights: number;
  maxNights: number;
  instantBook: boolean;
  cancellationPolicy: CancellationPolicy;
  /** Amenity codes; resolved against the catalog by the service. */
  amenities: string[];
  /** SPEC §9: Friday and Saturday nights, when set (null: the nightly price). */
  weekendPricePerNightCents: number | null;
  /** SPEC §9: % off stays of 7+ nights, 0–90 (0: none). */
  weeklyDiscountPercent: number;
  /** SPEC §9: % off stays of 28+ nights instead of the weekly one, 0–90 (0: none). */
  monthlyDiscountPercent: number;
  /** SPEC §9 house times, local 'HH:MM' in the listing's time zone. */
  checkInFrom: string;
  checkInUntil: string;
  checkOutBy: string;
  /** Free text; null: none. */
  houseRules: string | null;
  petsAllowed: boolean;
  smokingAllowed: boolean;
  eventsAllowed: boolean;
}

/** What a new draft may leave out: the database defaults them, and listing it requires the first two. */
type DeferredField =
  | 'description'
  | 'address'
  | 'region'
  | 'cleaningFeeCents'
  | 'minNights'
  | 'maxNights'
  | 'instantBook'
  | 'amenities'
  | 'weekendPricePerNightCents'
  | 'weeklyDiscountPercent'
  | 'monthlyDiscountPercent'
  | 'checkInFrom'
  | 'checkInUntil'
  | 'checkOutBy'
  | 'houseRules'
  | 'petsAllowed'
  | 'smokingAllowed'
  | 'eventsAllowed';

/** properties.create: a new listing, saved as a draft. */
export interface CreatePropertyInput
  extends Omit<PropertyFields, DeferredField>,
    Partial<Pick<PropertyFields, DeferredField>> {}

/** properties.update: only the fields sent change; `amenities`, when sent, replaces the whole set. */
export interface UpdatePropertyInput extends Partial<PropertyFields> {
  propertyId: string;
}

/** properties.listMine: one keyset page of the caller's listings. */
export interface ListMyPropertiesInput {
  status?: PropertyStatus | undefined;
  cursor?: string | null | undefined;
  limit: number;
}

/** properties.setStatus: a move along the status table (property-status.rules.ts). */
export interface SetStatusInput {
  propertyId: string;
  status: PropertyStatus;
}

/** admin.suspendProperty: the `suspended` move, with why (shown to the host). */
export interface SuspendPropertyInput {
  propertyId: string;
  /** Required of every admin action (SPEC §10): shown to the host, and kept in the audit log. */
  reason: string;
}
