import { z } from 'zod';
import { schemaFor } from '../shared/schema-for.ts';
import { cancellationPolicies, propertyStatuses, propertyTypes } from './property.types.ts';
import type { BasePropertyView } from './property.views.ts';

/**
 * A base view as the cache gives it back. The cache holds JSON, so Dates come back as strings and are
 * coerced; an entry that does not parse (written by an older release, say) is a miss. The domain reads
 * its own cache, so it owns this schema rather than borrowing the wire's: the two are separate promises,
 * each pinned to the domain's view type.
 */
export const cachedBaseView = schemaFor<BasePropertyView>()(
  z.object({
    propertyId: z.uuid(),
    host: z.object({ userId: z.uuid(), firstName: z.string(), avatarUrl: z.string().nullable() }),
    name: z.string(),
    description: z.string(),
    propertyType: z.enum(propertyTypes),
    address: z.string(),
    city: z.string(),
    region: z.string().nullable(),
    country: z.string(),
    lat: z.number(),
    lng: z.number(),
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
    weekendPricePerNightCents: z.number().int().nullable(),
    weeklyDiscountPercent: z.number().int(),
    monthlyDiscountPercent: z.number().int(),
    checkInFrom: z.string(),
    checkInUntil: z.string(),
    checkOutBy: z.string(),
    houseRules: z.string().nullable(),
    petsAllowed: z.boolean(),
    smokingAllowed: z.boolean(),
    eventsAllowed: z.boolean(),
    status: z.enum(propertyStatuses),
    ratingAvg: z.number().nullable(),
    reviewCount: z.number().int(),
    listedAt: z.coerce.date().nullable(),
    createdAt: z.coerce.date(),
    updatedAt: z.coerce.date(),
    amenities: z.array(z.object({ code: z.string(), name: z.string(), category: z.string() })),
    photos: z.array(
      z.object({
        photoId: z.uuid(),
        url: z.string(),
        caption: z.string().nullable(),
        position: z.number().int(),
      }),
    ),
  }),
);
