import type { z } from 'zod';
import { calendarDayStatuses } from '../../domain/calendar/calendar.rules.ts';
import { getCalendar } from '../../domain/calendar/calendar.service.ts';
import {
  cancellationPolicies,
  propertyStatuses,
  propertyTypes,
} from '../../domain/properties/property.types.ts';
import { listPropertyReviews } from '../../domain/reviews/review.service.ts';
import {
  type amenityView,
  calendarInput,
  type calendarView,
  type photoView,
  type propertyView,
} from '../../schemas/properties.schemas.ts';
import { listReviewsInput } from '../../schemas/reviews.schemas.ts';
import { builder } from '../builder.ts';
import { hiddenAsNull, ReviewConnection } from './review.type.ts';
import { UserType } from './user.type.ts';

export const PropertyTypeEnum = builder.enumType('PropertyType', { values: propertyTypes });
const PropertyStatus = builder.enumType('PropertyStatus', { values: propertyStatuses });
export const CancellationPolicy = builder.enumType('CancellationPolicy', { values: cancellationPolicies });
const CalendarDayStatus = builder.enumType('CalendarDayStatus', { values: calendarDayStatuses });

export const AmenityType = builder.objectRef<z.infer<typeof amenityView>>('Amenity').implement({
  fields: (t) => ({
    code: t.exposeString('code'),
    name: t.exposeString('name'),
    category: t.exposeString('category'),
  }),
});

const PhotoType = builder.objectRef<z.infer<typeof photoView>>('Photo').implement({
  fields: (t) => ({
    photoId: t.exposeID('photoId'),
    url: t.exposeString('url'),
    caption: t.exposeString('caption', { nullable: true }),
    position: t.exposeInt('position'),
  }),
});

type Calendar = z.infer<typeof calendarView>;

const CalendarDay = builder.objectRef<Calendar['days'][number]>('CalendarDay').implement({
  fields: (t) => ({
    date: t.exposeString('date', { description: 'YYYY-MM-DD' }),
    status: t.field({ type: CalendarDayStatus, resolve: (day) => day.status }),
    pricePerNightCents: t.exposeInt('pricePerNightCents'),
  }),
});

const CalendarType = builder.objectRef<Calendar>('Calendar').implement({
  fields: (t) => ({
    propertyId: t.exposeID('propertyId'),
    currency: t.exposeString('currency'),
    days: t.field({ type: [CalendarDay], resolve: (calendar) => calendar.days }),
  }),
});

/**
 * A listing as the viewer may see it (properties.get): `address` null and coordinates rounded unless the
 * viewer is its host, an admin or a guest with a confirmed or completed stay (SPEC §4).
 */
export const PropertyType = builder.objectRef<z.infer<typeof propertyView>>('Property').implement({
  fields: (t) => ({
    propertyId: t.exposeID('propertyId'),
    host: t.field({
      type: UserType,
      nullable: true,
      description: "The host's public profile; null once the account is suspended.",
      resolve: (property, _args, ctx) => ctx.loaders.profile.load(property.host.userId).catch(hiddenAsNull),
    }),
    name: t.exposeString('name'),
    description: t.exposeString('description'),
    propertyType: t.field({ type: PropertyTypeEnum, resolve: (property) => property.propertyType }),
    address: t.exposeString('address', { nullable: true }),
    city: t.exposeString('city'),
    region: t.exposeString('region', { nullable: true }),
    country: t.exposeString('country'),
    lat: t.exposeFloat('lat'),
    lng: t.exposeFloat('lng'),
    exactLocation: t.exposeBoolean('exactLocation'),
    timezone: t.exposeString('timezone'),
    pricePerNightCents: t.exposeInt('pricePerNightCents'),
    cleaningFeeCents: t.exposeInt('cleaningFeeCents'),
    currency: t.exposeString('currency'),
    maxGuests: t.exposeInt('maxGuests'),
    bedrooms: t.exposeInt('bedrooms'),
    beds: t.exposeInt('beds'),
    bathrooms: t.exposeFloat('bathrooms'),
    minNights: t.exposeInt('minNights'),
    maxNights: t.exposeInt('maxNights'),
    instantBook: t.exposeBoolean('instantBook'),
    cancellationPolicy: t.field({
      type: CancellationPolicy,
      resolve: (property) => property.cancellationPolicy,
    }),
    status: t.field({ type: PropertyStatus, resolve: (property) => property.status }),
    ratingAvg: t.exposeFloat('ratingAvg', { nullable: true }),
    reviewCount: t.exposeInt('reviewCount'),
    listedAt: t.expose('listedAt', { type: 'DateTime', nullable: true }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    updatedAt: t.expose('updatedAt', { type: 'DateTime' }),
    amenities: t.field({ type: [AmenityType], resolve: (property) => property.amenities }),
    photos: t.field({ type: [PhotoType], resolve: (property) => property.photos }),
    reviews: t.field({
      type: ReviewConnection,
      description: 'Newest first. The first page of every listing of a result page is read in one batch.',
      args: {
        first: t.arg.int({ defaultValue: 10 }),
        after: t.arg.string(),
      },
      resolve: async (property, args, ctx) => {
        const input = listReviewsInput.parse({
          propertyId: property.propertyId,
          cursor: args.after,
          limit: args.first,
        });
        if (input.cursor) return listPropertyReviews(ctx.request.deps, await ctx.optionalViewer(), input);
        return ctx.loaders.firstReviews.load(`${input.limit}:${input.propertyId}`);
      },
    }),
    calendar: t.field({
      type: CalendarType,
      description: 'The days [from, to) (YYYY-MM-DD), at most a year.',
      args: { from: t.arg.string({ required: true }), to: t.arg.string({ required: true }) },
      resolve: async (property, args, ctx) =>
        getCalendar(
          ctx.request.deps,
          await ctx.optionalViewer(),
          calendarInput.parse({ propertyId: property.propertyId, from: args.from, to: args.to }),
        ),
    }),
  }),
});
