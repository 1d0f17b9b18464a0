import { listMyPayouts, listPaymentsForBooking } from '../domain/payments/payment-read.service.ts';
import {
  listPaymentsForBookingInput,
  listPayoutsInput,
  paymentList,
  payoutList,
} from '../schemas/payments.schemas.ts';
import { router } from '../trpc/init.ts';
import { authedProcedure, hostProcedure } from '../trpc/procedures.ts';

export const paymentsRouter = router({
  listForBooking: authedProcedure
    .meta({
      openapi: { method: 'GET', path: '/bookings/{bookingId}/payments', tags: ['payments'], protect: true },
    })
    .input(listPaymentsForBookingInput)
    .output(paymentList)
    .query(({ ctx, input }) => listPaymentsForBooking(ctx.deps, ctx.viewer, input.bookingId)),

  listPayouts: hostProcedure
    .meta({ openapi: { method: 'GET', path: '/host/payouts', tags: ['payments'], protect: true } })
    .input(listPayoutsInput)
    .output(payoutList)
    .query(({ ctx, input }) => listMyPayouts(ctx.deps, ctx.viewer, input)),
});
