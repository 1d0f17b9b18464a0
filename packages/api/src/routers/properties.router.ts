import { blockDates, getCalendar, setPrices, unblockDates } from '../domain/calendar/calendar.service.ts';
import { amenityCatalog } from '../domain/properties/amenity.service.ts';
import { addPhoto, removePhoto, reorderPhotos } from '../domain/properties/photo.service.ts';
import {
  createProperty,
  getProperty,
  listMyProperties,
  updateProperty,
} from '../domain/properties/property.service.ts';
import { setPropertyStatus } from '../domain/properties/property-status.service.ts';
import { searchProperties } from '../domain/search/search.service.ts';
import {
  addPhotoInput,
  amenityList,
  calendarInput,
  calendarView,
  createPropertyInput,
  dateRangeInput,
  listMyPropertiesInput,
  photoList,
  photoView,
  propertyIdInput,
  propertyList,
  propertyView,
  removePhotoInput,
  reorderPhotosInput,
  setPricesInput,
  setStatusInput,
  updatePropertyInput,
} from '../schemas/properties.schemas.ts';
import { propertySearchInput, propertySearchPage } from '../schemas/search.schemas.ts';
import { router } from '../trpc/init.ts';
import { hostProcedure, publicProcedure, viewerAwareProcedure } from '../trpc/procedures.ts';

export const propertiesRouter = router({
  create: hostProcedure
    .meta({ openapi: { method: 'POST', path: '/properties', tags: ['properties'], protect: true } })
    .input(createPropertyInput)
    .output(propertyView)
    .mutation(({ ctx, input }) => createProperty(ctx.deps, ctx.viewer, input)),

  update: hostProcedure
    .meta({
      openapi: { method: 'PATCH', path: '/properties/{propertyId}', tags: ['properties'], protect: true },
    })
    .input(updatePropertyInput)
    .output(propertyView)
    .mutation(({ ctx, input }) => updateProperty(ctx.deps, ctx.viewer, input)),

  get: viewerAwareProcedure
    .meta({ openapi: { method: 'GET', path: '/properties/{propertyId}', tags: ['properties'] } })
    .input(propertyIdInput)
    .output(propertyView)
    .query(({ ctx, input }) => getProperty(ctx.deps, ctx.viewer, input.propertyId)),

  listMine: hostProcedure
    .meta({ openapi: { method: 'GET', path: '/users/me/properties', tags: ['properties'], protect: true } })
    .input(listMyPropertiesInput)
    .output(propertyList)
    .query(({ ctx, input }) => listMyProperties(ctx.deps, ctx.viewer, input)),

  setStatus: hostProcedure
    .meta({
      openapi: {
        method: 'PUT',
        path: '/properties/{propertyId}/status',
        tags: ['properties'],
        protect: true,
      },
    })
    .input(setStatusInput)
    .output(propertyView)
    .mutation(({ ctx, input }) => setPropertyStatus(ctx.deps, ctx.viewer, input)),

  search: publicProcedure
    .meta({ openapi: { method: 'GET', path: '/properties', tags: ['properties'] } })
    .input(propertySearchInput)
    .output(propertySearchPage)
    .query(({ ctx, input }) => searchProperties(ctx.deps, input)),

  amenities: publicProcedure
    .meta({ openapi: { method: 'GET', path: '/amenities', tags: ['properties'] } })
    .output(amenityList)
    .query(({ ctx }) => amenityCatalog(ctx.deps)),

  addPhoto: hostProcedure
    .meta({
      openapi: {
        method: 'POST',
        path: '/properties/{propertyId}/photos',
        tags: ['properties'],
        protect: true,
      },
    })
    .input(addPhotoInput)
    .output(photoView)
    .mutation(({ ctx, input }) => addPhoto(ctx.deps, ctx.viewer, input)),

  removePhoto: hostProcedure
    .meta({
      openapi: {
        method: 'DELETE',
        path: '/properties/{propertyId}/photos/{photoId}',
        tags: ['properties'],
        protect: true,
      },
    })
    .input(removePhotoInput)
    .output(photoList)
    .mutation(({ ctx, input }) => removePhoto(ctx.deps, ctx.viewer, input)),

  reorderPhotos: hostProcedure
    .meta({
      openapi: {
        method: 'PUT',
        path: '/properties/{propertyId}/photos/order',
        tags: ['properties'],
        protect: true,
      },
    })
    .input(reorderPhotosInput)
    .output(photoList)
    .mutation(({ ctx, input }) => reorderPhotos(ctx.deps, ctx.viewer, input)),

  calendar: viewerAwareProcedure
    .meta({ openapi: { method: 'GET', path: '/properties/{propertyId}/calendar', tags: ['properties'] } })
    .input(calendarInput)
    .output(calendarView)
    .query(({ ctx, input }) => getCalendar(ctx.deps, ctx.viewer, input)),

  blockDates: hostProcedure
    .meta({
      openapi: {
        method: 'POST',
        path: '/properties/{propertyId}/calendar/block',
        tags: ['properties'],
        protect: true,
      },
    })
    .input(dateRangeInput)
    .output(calendarView)
    .mutation(({ ctx, input }) => blockDates(ctx.deps, ctx.viewer, input)),

  unblockDates: hostProcedure
    .meta({
      openapi: {
        method: 'POST',
        path: '/properties/{propertyId}/calendar/unblock',
        tags: ['properties'],
        protect: true,
      },
    })
    .input(dateRangeInput)
    .output(calendarView)
    .mutation(({ ctx, input }) => unblockDates(ctx.deps, ctx.viewer, input)),

  setPrices: hostProcedure
    .meta({
      openapi: {
        method: 'PUT',
        path: '/properties/{propertyId}/calendar/prices',
        tags: ['properties'],
        protect: true,
      },
    })
    .input(setPricesInput)
    .output(calendarView)
    .mutation(({ ctx, input }) => setPrices(ctx.deps, ctx.viewer, input)),
});
