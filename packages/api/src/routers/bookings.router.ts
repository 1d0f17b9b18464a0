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
    .input(quoteInput)
    .output(quoteView)
    .query(({ ctx, input }) => quoteStay(ctx.deps, ctx.viewer, input)),

  create: authedProcedure
    .input(createBookingInput)
    .output(bookingView)
    .mutation(({ ctx, input }) => createBooking(ctx.deps, ctx.viewer, input)),

  get: authedProcedure
    .input(bookingIdInput)
    .output(bookingView)
    .query(({ ctx, input }) => getBooking(ctx.deps, ctx.viewer, input.bookingId)),

  listMine: authedProcedure
    .input(listMyBookingsInput)
    .output(bookingList)
    .query(({ ctx, input }) => listMyBookings(ctx.deps, ctx.viewer, input)),

  listForHost: hostProcedure
    .input(listHostBookingsInput)
    .output(bookingList)
    .query(({ ctx, input }) => listHostBookings(ctx.deps, ctx.viewer, input)),

  accept: authedProcedure
    .input(bookingIdInput)
    .output(bookingView)
    .mutation(({ ctx, input }) => acceptBooking(ctx.deps, ctx.viewer, input.bookingId)),

  decline: authedProcedure
    .input(bookingIdInput)
    .output(bookingView)
    .mutation(({ ctx, input }) => declineBooking(ctx.deps, ctx.viewer, input.bookingId)),

  cancel: authedProcedure
    .input(cancelBookingInput)
    .output(bookingView)
    .mutation(({ ctx, input }) => cancelBooking(ctx.deps, ctx.viewer, input)),

  cancellationPreview: authedProcedure
    .input(bookingIdInput)
    .output(cancellationPreviewView)
    .query(({ ctx, input }) => previewCancellation(ctx.deps, ctx.viewer, input.bookingId)),
});
