import { z } from 'zod';
import { paymentMethods } from '../domain/bookings/booking.types.ts';
import type { ListPayoutsInput } from '../domain/payments/payment.commands.ts';
import type { PaymentList, PaymentView, PayoutList, PayoutView } from '../domain/payments/payment.views.ts';
import { schemaFor } from '../domain/shared/schema-for.ts';
import { keysetCursorInput, pageLimitInput, pageOf } from './shared.schemas.ts';

export const paymentKinds = ['charge', 'refund'] as const;
export const paymentStatuses = ['pending', 'succeeded', 'failed'] as const;
export const payoutStatuses = ['scheduled', 'released', 'canceled'] as const;

/** A charge or a refund of a booking, as its guest, its host and admins see it. */
export const paymentView = schemaFor<PaymentView>()(
  z.object({
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
  }),
);

export const listPaymentsForBookingInput = z.object({ bookingId: z.uuid() });

export const paymentList = schemaFor<PaymentList>()(pageOf(paymentView));

/** What a host is paid for a stay: subtotal + cleaning fee − the 3 % host fee, released a day after check-in. */
export const payoutView = schemaFor<PayoutView>()(
  z.object({
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
  }),
);

/** The caller's own payouts, newest first. */
export const listPayoutsInput = schemaFor<ListPayoutsInput>()(
  z
    .object({
      status: z.enum(payoutStatuses).optional(),
      cursor: keysetCursorInput,
      limit: pageLimitInput(),
    })
    .prefault({}),
);

export const payoutList = schemaFor<PayoutList>()(pageOf(payoutView));
