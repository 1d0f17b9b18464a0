import { createBooking, quoteStay } from '../domain/bookings/booking.service.ts';
import { getBooking, listHostBookings, listMyBookings } from '../domain/bookings/booking-read.service.ts';
import {
  acceptBooking,
  cancelBooking,
  declineBooking,
  previewCancellation,
} from '../domain/bookings/booking-transition.service.ts';
import {
  bookingIdInput,
  bookingList,
  bookingView,
  cancelBookingInput,
  cancellationPreviewView,
  createBookingInput,
  listHostBookingsInput,
  listMyBookingsInput,
  quoteInput,
  quoteView,
} from '../schemas/bookings.schemas.ts';
import { router } from '../trpc/init.ts';
import { authedProcedure, hostProcedure, viewerAwareProcedure } from '../trpc/procedures.ts';

export const bookingsRouter = router({
  quote: viewerAwareProcedure
    .meta({ openapi: { method: 'GET', path: '/properties/{propertyId}/quote', tags: ['bookings'] } })
    .input(quoteInput)
    .output(quoteView)
    .query(({ ctx, input }) => quoteStay(ctx.deps, ctx.viewer, input)),

  create: authedProcedure
    .meta({ openapi: { method: 'POST', path: '/bookings', tags: ['bookings'], protect: true } })
    .input(createBookingInput)
    .output(bookingView)
    .mutation(({ ctx, input }) => createBooking(ctx.deps, ctx.viewer, input)),

  get: authedProcedure
    .meta({ openapi: { method: 'GET', path: '/bookings/{bookingId}', tags: ['bookings'], protect: true } })
    .input(bookingIdInput)
    .output(bookingView)
    .query(({ ctx, input }) => getBooking(ctx.deps, ctx.viewer, input.bookingId)),

  listMine: authedProcedure
    .meta({ openapi: { method: 'GET', path: '/bookings', tags: ['bookings'], protect: true } })
    .input(listMyBookingsInput)
    .output(bookingList)
    .query(({ ctx, input }) => listMyBookings(ctx.deps, ctx.viewer, input)),

  listForHost: hostProcedure
    .meta({ openapi: { method: 'GET', path: '/host/bookings', tags: ['bookings'], protect: true } })
    .input(listHostBookingsInput)
    .output(bookingList)
    .query(({ ctx, input }) => listHostBookings(ctx.deps, ctx.viewer, input)),

  accept: authedProcedure
    .meta({
      openapi: { method: 'POST', path: '/bookings/{bookingId}/accept', tags: ['bookings'], protect: true },
    })
    .input(bookingIdInput)
    .output(bookingView)
    .mutation(({ ctx, input }) => acceptBooking(ctx.deps, ctx.viewer, input.bookingId)),

  decline: authedProcedure
    .meta({
      openapi: { method: 'POST', path: '/bookings/{bookingId}/decline', tags: ['bookings'], protect: true },
    })
    .input(bookingIdInput)
    .output(bookingView)
    .mutation(({ ctx, input }) => declineBooking(ctx.deps, ctx.viewer, input.bookingId)),

  cancel: authedProcedure
    .meta({
      openapi: { method: 'POST', path: '/bookings/{bookingId}/cancel', tags: ['bookings'], protect: true },
    })
    .input(cancelBookingInput)
    .output(bookingView)
    .mutation(({ ctx, input }) => cancelBooking(ctx.deps, ctx.viewer, input)),

  cancellationPreview: authedProcedure
    .meta({
      openapi: {
        method: 'GET',
        path: '/bookings/{bookingId}/cancellation-preview',
        tags: ['bookings'],
        protect: true,
      },
    })
    .input(bookingIdInput)
    .output(cancellationPreviewView)
    .query(({ ctx, input }) => previewCancellation(ctx.deps, ctx.viewer, input.bookingId)),
});
