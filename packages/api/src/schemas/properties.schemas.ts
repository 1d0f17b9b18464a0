import { z } from 'zod';
import { MAX_DISCOUNT_PERCENT } from '../domain/bookings/pricing.rules.ts';
import { calendarDayStatuses, MAX_CALENDAR_DAYS } from '../domain/calendar/calendar.rules.ts';
import type { CalendarInput, CalendarView, DateRangeInput } from '../domain/calendar/calendar.types.ts';
import { AMENITY_CODE, MAX_AMENITY_CODE_LENGTH } from '../domain/properties/amenity.rules.ts';
import { isCountryCode } from '../domain/properties/countries.ts';
import { isCurrencyCode } from '../domain/properties/currencies.ts';
import type { SetPricesInput } from '../domain/properties/night-price.types.ts';
import { MAX_PHOTOS } from '../domain/properties/photo.rules.ts';
import type {
  AddPhotoInput,
  RemovePhotoInput,
  ReorderPhotosInput,
} from '../domain/properties/photo.types.ts';
import {
  MAX_CLEANING_FEE_CENTS,
  MAX_GUESTS,
  MAX_PRICE_PER_NIGHT_CENTS,
  MAX_STAY_NIGHTS,
} from '../domain/properties/property.limits.ts';
import {
  type CreatePropertyInput,
  cancellationPolicies,
  type ListMyPropertiesInput,
  propertyStatuses,
  propertyTypes,
  type SetStatusInput,
  type UpdatePropertyInput,
} from '../domain/properties/property.types.ts';
import type {
  AmenityList,
  AmenityView,
  PhotoList,
  PhotoView,
  PropertyHostView,
  PropertyList,
  PropertyView,
} from '../domain/properties/property.views.ts';
import { daysBetween, isIsoDate, isTimeZone } from '../domain/shared/dates.ts';
import { DEFAULT_PAGE_SIZE, MAX_CURSOR_LENGTH, MAX_PAGE_SIZE } from '../domain/shared/page.limits.ts';
import { schemaFor } from '../domain/shared/schema-for.ts';
import { pageOf } from './shared.schemas.ts';
import { httpsUrl, text } from './text.ts';

/** The canonical spelling of a zone the runtime knows ('europe/lisbon' → 'Europe/Lisbon'). */
const canonicalTimeZone = (zone: string) =>
  new Intl.DateTimeFormat('en-US', { timeZone: zone }).resolvedOptions().timeZone;

export const isoDateInput = z.string().refine(isIsoDate, 'use a calendar date written YYYY-MM-DD');

const amenityCode = z
  .string()
  .max(MAX_AMENITY_CODE_LENGTH)
  .regex(AMENITY_CODE, 'use an amenity code from properties.amenities, e.g. wifi');

const discountPercent = z.number().int().min(0).max(MAX_DISCOUNT_PERCENT);
const localTime = z.string().regex(/^([01][0-9]|2[0-3]):[0-5][0-9]$/, 'use a 24-hour local time, HH:MM');

/** Every field a host sets, validated as a guest will rely on it; create and update share them. */
const propertyFields = {
  name: text({ min: 1, max: 120 }),
  description: text({ max: 5000 }),
  propertyType: z.enum(propertyTypes),
  /** The exact street address; shown only to the host, admins and guests with a stay (SPEC §4). */
  address: text({ max: 300 }),
  city: text({ min: 1, max: 120 }),
  /** Blank clears it. */
  region: text({ max: 120 })
    .transform((value) => value || null)
    .nullable(),
  country: text({ max: 100 })
    .toUpperCase()
    .refine(isCountryCode, 'use an ISO 3166-1 alpha-2 country code, e.g. PT'),
  lat: z.number().min(-90).max(90),
  lng: z.number().min(-180).max(180),
  timezone: text({ max: 100 })
    .refine(isTimeZone, 'use an IANA time zone, e.g. Europe/Lisbon')
    .transform(canonicalTimeZone),
  pricePerNightCents: z.number().int().min(1).max(MAX_PRICE_PER_NIGHT_CENTS),
  cleaningFeeCents: z.number().int().min(0).max(MAX_CLEANING_FEE_CENTS),
  currency: text({ max: 100 })
    .toUpperCase()
    .refine(isCurrencyCode, 'use an ISO 4217 currency code, e.g. EUR'),
  maxGuests: z.number().int().min(1).max(MAX_GUESTS),
  bedrooms: z.number().int().min(0).max(50),
  beds: z.number().int().min(0).max(100),
  bathrooms: z.number().min(0).max(50).multipleOf(0.5, 'count bathrooms in halves, e.g. 1.5'),
  minNights: z.number().int().min(1).max(MAX_STAY_NIGHTS),
  maxNights: z.number().int().min(1).max(MAX_STAY_NIGHTS),
  instantBook: z.boolean(),
  cancellationPolicy: z.enum(cancellationPolicies),
  /** Codes from the catalog (properties.amenities); an unknown code is refused with its index as the path. */
  amenities: z.array(amenityCode).max(100),
  /** SPEC §9: the price of Friday and Saturday nights; null (the default) charges the nightly price. */
  weekendPricePerNightCents: z.number().int().min(1).max(MAX_PRICE_PER_NIGHT_CENTS).nullable(),
  /** SPEC §9: % off stays of 7 nights or more (0, the default: none). */
  weeklyDiscountPercent: discountPercent,
  /** SPEC §9: % off stays of 28 nights or more, instead of the weekly one (0, the default: none). */
  monthlyDiscountPercent: discountPercent,
  /** SPEC §9: local time in the listing's zone, 'HH:MM' (default 15:00). */
  checkInFrom: localTime,
  /** Default 22:00. */
  checkInUntil: localTime,
  /** Default 11:00. */
  checkOutBy: localTime,
  /** The host's rules in their own words; blank (the default) means none. */
  houseRules: text({ max: 5000 })
    .transform((value) => value || null)
    .nullable(),
  petsAllowed: z.boolean(),
  smokingAllowed: z.boolean(),
  eventsAllowed: z.boolean(),
};

const nightsInOrder = (value: { minNights?: number | undefined; maxNights?: number | undefined }) =>
  value.minNights === undefined || value.maxNights === undefined || value.minNights <= value.maxNights;

/**
 * A new listing, saved as a draft. Description and address may wait (they are required to list it);
 * everything the database cannot default is required now. Unknown keys (status, hostId…) are refused.
 */
export const createPropertyInput = schemaFor<CreatePropertyInput>()(
  z
    .strictObject({
      ...propertyFields,
      description: propertyFields.description.optional(),
      address: propertyFields.address.optional(),
      region: propertyFields.region.optional(),
      cleaningFeeCents: propertyFields.cleaningFeeCents.optional(),
      minNights: propertyFields.minNights.optional(),
      maxNights: propertyFields.maxNights.optional(),
      instantBook: propertyFields.instantBook.optional(),
      amenities: propertyFields.amenities.optional(),
      weekendPricePerNightCents: propertyFields.weekendPricePerNightCents.optional(),
      weeklyDiscountPercent: propertyFields.weeklyDiscountPercent.optional(),
      monthlyDiscountPercent: propertyFields.monthlyDiscountPercent.optional(),
      checkInFrom: propertyFields.checkInFrom.optional(),
      checkInUntil: propertyFields.checkInUntil.optional(),
      checkOutBy: propertyFields.checkOutBy.optional(),
      houseRules: propertyFields.houseRules.optional(),
      petsAllowed: propertyFields.petsAllowed.optional(),
      smokingAllowed: propertyFields.smokingAllowed.optional(),
      eventsAllowed: propertyFields.eventsAllowed.optional(),
    })
    .refine(nightsInOrder, { message: 'minNights must not exceed maxNights', path: ['minNights'] }),
);

/** Only the fields sent change; `amenities`, when sent, replaces the whole set. */
export const updatePropertyInput = schemaFor<UpdatePropertyInput>()(
  z
    .strictObject({
      propertyId: z.uuid(),
      name: propertyFields.name.optional(),
      description: propertyFields.description.optional(),
      propertyType: propertyFields.propertyType.optional(),
      address: propertyFields.address.optional(),
      city: propertyFields.city.optional(),
      region: propertyFields.region.optional(),
      country: propertyFields.country.optional(),
      lat: propertyFields.lat.optional(),
      lng: propertyFields.lng.optional(),
      timezone: propertyFields.timezone.optional(),
      pricePerNightCents: propertyFields.pricePerNightCents.optional(),
      cleaningFeeCents: propertyFields.cleaningFeeCents.optional(),
      currency: propertyFields.currency.optional(),
      maxGuests: propertyFields.maxGuests.optional(),
      bedrooms: propertyFields.bedrooms.optional(),
      beds: propertyFields.beds.optional(),
      bathrooms: propertyFields.bathrooms.optional(),
      minNights: propertyFields.minNights.optional(),
      maxNights: propertyFields.maxNights.optional(),
      instantBook: propertyFields.instantBook.optional(),
      cancellationPolicy: propertyFields.cancellationPolicy.optional(),
      amenities: propertyFields.amenities.optional(),
      weekendPricePerNightCents: propertyFields.weekendPricePerNightCents.optional(),
      weeklyDiscountPercent: propertyFields.weeklyDiscountPercent.optional(),
      monthlyDiscountPercent: propertyFields.monthlyDiscountPercent.optional(),
      checkInFrom: propertyFields.checkInFrom.optional(),
      checkInUntil: propertyFields.checkInUntil.optional(),
      checkOutBy: propertyFields.checkOutBy.optional(),
      houseRules: propertyFields.houseRules.optional(),
      petsAllowed: propertyFields.petsAllowed.optional(),
      smokingAllowed: propertyFields.smokingAllowed.optional(),
      eventsAllowed: propertyFields.eventsAllowed.optional(),
    })
    .refine(nightsInOrder, { message: 'minNights must not exceed maxNights', path: ['minNights'] }),
);

export const propertyIdInput = z.object({ propertyId: z.uuid() });

export const amenityView = schemaFor<AmenityView>()(
  z.object({ code: z.string(), name: z.string(), category: z.string() }),
);

export const amenityList = schemaFor<AmenityList>()(pageOf(amenityView));

export const photoView = schemaFor<PhotoView>()(
  z.object({
    photoId: z.uuid(),
    url: z.string(),
    caption: z.string().nullable(),
    /** 0-based, contiguous: the first photo is the cover. */
    position: z.number().int(),
  }),
);

/** The host as a listing shows them: never email or phone (SPEC §4). */
export const propertyHostView = schemaFor<PropertyHostView>()(
  z.object({
    userId: z.uuid(),
    firstName: z.string(),
    avatarUrl: z.string().nullable(),
  }),
);

/**
 * A listing as a viewer sees it. `address` is null and `lat`/`lng` are rounded to 2 decimals (≈1 km)
 * unless the viewer is the host, an admin or a guest with a confirmed or completed stay (SPEC §4);
 * `exactLocation` says which one this is.
 */
export const propertyView = schemaFor<PropertyView>()(
  z.object({
    propertyId: z.uuid(),
    host: propertyHostView,
    name: z.string(),
    description: z.string(),
    propertyType: z.enum(propertyTypes),
    address: z.string().nullable(),
    city: z.string(),
    region: z.string().nullable(),
    country: z.string(),
    lat: z.number(),
    lng: z.number(),
    exactLocation: z.boolean(),
    timezone: z.string(),
    pricePerNightCents: z.number().int(),
    cleaningFeeCents: z.number().int(),
    currency: z.string(),
    maxGuests: z.number().int(),
    bedrooms: z.number().int(),
    beds: z.number().int(),
    bathrooms: z.number(),
    minNights: z.number().int(),
    maxNights: z.number().int(),
    instantBook: z.boolean(),
    cancellationPolicy: z.enum(cancellationPolicies),
    /** SPEC §9: Friday and Saturday nights (null: the nightly price). */
    weekendPricePerNightCents: z.number().int().nullable(),
    weeklyDiscountPercent: z.number().int(),
    monthlyDiscountPercent: z.number().int(),
    /** SPEC §9 house times, local 'HH:MM' in the listing's time zone. */
    checkInFrom: z.string(),
    checkInUntil: z.string(),
    checkOutBy: z.string(),
    /** The host's rules in their own words; null: none. */
    houseRules: z.string().nullable(),
    petsAllowed: z.boolean(),
    smokingAllowed: z.boolean(),
    eventsAllowed: z.boolean(),
    status: z.enum(propertyStatuses),
    ratingAvg: z.number().nullable(),
    reviewCount: z.number().int(),
    listedAt: z.date().nullable(),
    createdAt: z.date(),
    updatedAt: z.date(),
    amenities: z.array(amenityView),
    photos: z.array(photoView),
  }),
);

export const listMyPropertiesInput = schemaFor<ListMyPropertiesInput>()(
  z
    .object({
      status: z.enum(propertyStatuses).optional(),
      /** `nextCursor` of the previous page, as returned (null or absent for the first page). */
      cursor: z.string().max(MAX_CURSOR_LENGTH).nullish(),
      limit: z.number().int().min(1).max(MAX_PAGE_SIZE).default(DEFAULT_PAGE_SIZE),
    })
    // `listMine()` with no input lists the first page.
    .prefault({}),
);

export const propertyList = schemaFor<PropertyList>()(
  z.object({ items: z.array(propertyView), nextCursor: z.string().nullable() }),
);

export const setStatusInput = schemaFor<SetStatusInput>()(
  z.object({ propertyId: z.uuid(), status: z.enum(propertyStatuses) }),
);

export const addPhotoInput = schemaFor<AddPhotoInput>()(
  z.object({
    propertyId: z.uuid(),
    url: httpsUrl(2048),
    /** Blank means none. */
    caption: text({ max: 500 })
      .transform((value) => value || null)
      .nullish(),
  }),
);

export const removePhotoInput = schemaFor<RemovePhotoInput>()(
  z.object({ propertyId: z.uuid(), photoId: z.uuid() }),
);

/** Every photo of the listing exactly once, cover first. */
export const reorderPhotosInput = schemaFor<ReorderPhotosInput>()(
  z.object({
    propertyId: z.uuid(),
    photoIds: z.array(z.uuid()).min(1).max(MAX_PHOTOS),
  }),
);

export const photoList = schemaFor<PhotoList>()(z.object({ photos: z.array(photoView) }));

/** A calendar page [from, to): at least one day, at most a year. */
export const calendarInput = schemaFor<CalendarInput>()(
  z
    .object({ propertyId: z.uuid(), from: isoDateInput, to: isoDateInput })
    .refine(
      (value) => !isIsoDate(value.from) || !isIsoDate(value.to) || daysBetween(value.from, value.to) > 0,
      {
        message: 'to must be after from',
        path: ['to'],
      },
    )
    .refine(
      (value) =>
        !isIsoDate(value.from) ||
        !isIsoDate(value.to) ||
        daysBetween(value.from, value.to) <= MAX_CALENDAR_DAYS,
      { message: `a calendar page has at most ${MAX_CALENDAR_DAYS} days`, path: ['to'] },
    ),
);

/** Host blocks, and unblocks, of the nights [startDate, endDate). */
export const dateRangeInput = schemaFor<DateRangeInput>()(
  z
    .object({ propertyId: z.uuid(), startDate: isoDateInput, endDate: isoDateInput })
    .refine(
      (value) =>
        !isIsoDate(value.startDate) ||
        !isIsoDate(value.endDate) ||
        daysBetween(value.startDate, value.endDate) > 0,
      { message: 'endDate must be after startDate', path: ['endDate'] },
    )
    .refine(
      (value) =>
        !isIsoDate(value.startDate) ||
        !isIsoDate(value.endDate) ||
        daysBetween(value.startDate, value.endDate) <= MAX_STAY_NIGHTS,
      { message: `at most ${MAX_STAY_NIGHTS} days at a time`, path: ['endDate'] },
    ),
);

/**
 * properties.setPrices (SPEC §9): the nights [from, to), at most a year, at one nightly price; null clears
 * them back to the listing's own prices.
 */
export const setPricesInput = schemaFor<SetPricesInput>()(
  z
    .object({
      propertyId: z.uuid(),
      from: isoDateInput,
      to: isoDateInput,
      pricePerNightCents: z.number().int().min(1).max(MAX_PRICE_PER_NIGHT_CENTS).nullable(),
    })
    .refine(
      (value) => !isIsoDate(value.from) || !isIsoDate(value.to) || daysBetween(value.from, value.to) > 0,
      { message: 'to must be after from', path: ['to'] },
    )
    .refine(
      (value) =>
        !isIsoDate(value.from) ||
        !isIsoDate(value.to) ||
        daysBetween(value.from, value.to) <= MAX_CALENDAR_DAYS,
      { message: `at most ${MAX_CALENDAR_DAYS} nights at a time`, path: ['to'] },
    ),
);

export const calendarView = schemaFor<CalendarView>()(
  z.object({
    propertyId: z.uuid(),
    currency: z.string(),
    days: z.array(
      z.object({
        date: z.string(),
        status: z.enum(calendarDayStatuses),
        pricePerNightCents: z.number().int(),
      }),
    ),
  }),
);
