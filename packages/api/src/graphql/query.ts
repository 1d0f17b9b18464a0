import { quoteStay } from '../domain/bookings/booking.service.ts';
import { getBooking } from '../domain/bookings/booking-read.service.ts';
import { amenityCatalog } from '../domain/properties/amenity.service.ts';
import { searchProperties } from '../domain/search/search.service.ts';
import { getMe } from '../domain/users/user.service.ts';
import { bookingIdInput, quoteInput } from '../schemas/bookings.schemas.ts';
import { propertyIdInput } from '../schemas/properties.schemas.ts';
import { propertySearchInput } from '../schemas/search.schemas.ts';
import { profileInput } from '../schemas/users.schemas.ts';
import { given } from './args.ts';
import { builder } from './builder.ts';
import { BookingType, QuoteType } from './types/booking.type.ts';
import { AmenityType, PropertyType } from './types/property.type.ts';
import {
  BoundingBox,
  Near,
  PropertySearchConnection,
  PropertyTypeEnum,
  SearchSort,
} from './types/search.type.ts';
import { MeType, UserType } from './types/user.type.ts';

/**
 * The read graph of SPEC §8. Every argument is parsed by the zod input of the matching tRPC procedure and
 * every field calls the service that procedure calls, so rules and validation live once.
 */
builder.queryFields((t) => ({
  property: t.field({
    type: PropertyType,
    nullable: true,
    description: 'properties.get: NOT_FOUND for a listing the viewer may not see.',
    args: { propertyId: t.arg.id({ required: true }) },
    resolve: (_root, args, ctx) => ctx.loaders.property.load(propertyIdInput.parse(args).propertyId),
  }),

  search: t.field({
    type: PropertySearchConnection,
    description:
      'properties.search: listed places, keyset-paged (`first` ≤ 50, `after` = `pageInfo.endCursor`).',
    args: {
      text: t.arg.string(),
      country: t.arg.string(),
      bbox: t.arg({ type: BoundingBox }),
      near: t.arg({ type: Near }),
      startDate: t.arg.string({
        description: 'YYYY-MM-DD; with endDate, only places free for the whole stay.',
      }),
      endDate: t.arg.string(),
      guests: t.arg.int(),
      minPriceCents: t.arg.int(),
      maxPriceCents: t.arg.int(),
      currency: t.arg.string(),
      amenities: t.arg.stringList(),
      propertyType: t.arg({ type: PropertyTypeEnum }),
      instantBook: t.arg.boolean(),
      minRating: t.arg.float(),
      sort: t.arg({ type: SearchSort }),
      first: t.arg.int(),
      after: t.arg.string(),
    },
    resolve: (_root, { first, after, ...filters }, ctx) =>
      searchProperties(
        ctx.request.deps,
        propertySearchInput.parse({ ...given(filters), ...given({ limit: first, cursor: after }) }),
      ),
  }),

  quote: t.field({
    type: QuoteType,
    description: 'bookings.quote: the price of a stay and whether it can be booked.',
    args: {
      propertyId: t.arg.id({ required: true }),
      startDate: t.arg.string({ required: true }),
      endDate: t.arg.string({ required: true }),
      guests: t.arg.int({ required: true }),
    },
    resolve: async (_root, args, ctx) =>
      quoteStay(ctx.request.deps, await ctx.optionalViewer(), quoteInput.parse(args)),
  }),

  amenities: t.field({
    type: [AmenityType],
    description: 'properties.amenities: the fixed catalog.',
    resolve: async (_root, _args, ctx) => (await amenityCatalog(ctx.request.deps)).items,
  }),

  me: t.field({
    type: MeType,
    description: 'users.me: the signed-in user, with email and phone.',
    resolve: async (_root, _args, ctx) => getMe(ctx.request.deps, await ctx.viewer()),
  }),

  booking: t.field({
    type: BookingType,
    nullable: true,
    description: 'bookings.get: for its guest, its host and admins; NOT_FOUND for anyone else.',
    args: { bookingId: t.arg.id({ required: true }) },
    resolve: async (_root, args, ctx) =>
      getBooking(ctx.request.deps, await ctx.viewer(), bookingIdInput.parse(args).bookingId),
  }),

  user: t.field({
    type: UserType,
    nullable: true,
    description: "users.profile: anyone's public view; NOT_FOUND for an unknown or suspended account.",
    args: { userId: t.arg.id({ required: true }) },
    resolve: (_root, args, ctx) => ctx.loaders.profile.load(profileInput.parse(args).userId),
  }),
}));
