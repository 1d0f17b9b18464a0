import { z } from 'zod';
import { paymentMethods } from '../domain/bookings/booking.types.ts';

export const paymentKinds = ['charge', 'refund'] as const;
export const paymentStatuses = ['pending', 'succeeded', 'failed'] as const;
export const payoutStatuses = ['scheduled', 'released', 'canceled'] as const;

/** A charge or a refund of a booking, as its guest, its host and admins see it. */
export const paymentView = z.object({
  paymentId: z.uuid(),
  bookingId: z.uuid(),
  kind: z.enum(paymentKinds),
  amountCents: z.number().int(),
  currency: z.string(),
  paymentMethod: z.enum(paymentMethods),
  status: z.enum(paymentStatuses),
  /** The provider's id for the operation once it succeeded (sim_ch_…, sim_re_…). */
  providerReference: z.string().nullable(),
  /** Provider calls made so far (a transient failure is retried with backoff). */
  attempts: z.number().int(),
  failureCode: z.string().nullable(),
  /** When it succeeded. */
  paymentDate: z.date().nullable(),
  createdAt: z.date(),
  updatedAt: z.date(),
});
export type PaymentView = z.infer<typeof paymentView>;

export const listPaymentsForBookingInput = z.object({ bookingId: z.uuid() });

export const paymentList = z.object({ items: z.array(paymentView) });
export type PaymentList = z.infer<typeof paymentList>;

/** What a host is paid for a stay: subtotal + cleaning fee − the 3 % host fee, released a day after check-in. */
export const payoutView = z.object({
  payoutId: z.uuid(),
  bookingId: z.uuid(),
  propertyId: z.uuid(),
  amountCents: z.number().int(),
  currency: z.string(),
  status: z.enum(payoutStatuses),
  releaseDate: z.string(),
  releasedAt: z.date().nullable(),
  providerReference: z.string().nullable(),
  createdAt: z.date(),
  updatedAt: z.date(),
});
export type PayoutView = z.infer<typeof payoutView>;

/** The caller's own payouts, newest first. */
export const listPayoutsInput = z
  .object({
    status: z.enum(payoutStatuses).optional(),
    /** `nextCursor` of the previous page, as returned (null or absent for the first page). */
    cursor: z.string().max(512).nullish(),
    limit: z.number().int().min(1).max(50).default(20),
  })
  .prefault({});
export type ListPayoutsInput = z.output<typeof listPayoutsInput>;

export const payoutList = z.object({ items: z.array(payoutView), nextCursor: z.string().nullable() });
export type PayoutList = z.infer<typeof payoutList>;
