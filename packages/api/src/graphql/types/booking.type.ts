import type { z } from 'zod';
import {
  bookingActors,
  bookingStatuses,
  cancellers,
  paymentMethods,
  refundTiers,
  unavailableReasons,
} from '../../domain/bookings/booking.types.ts';
import { previewCancellation } from '../../domain/bookings/booking-transition.service.ts';
import { listPaymentsForBooking } from '../../domain/payments/payment-read.service.ts';
import type { bookingView, cancellationPreviewView, quoteView } from '../../schemas/bookings.schemas.ts';
import { paymentKinds, paymentStatuses, type paymentView } from '../../schemas/payments.schemas.ts';
import { builder } from '../builder.ts';
import { CancellationPolicy, PropertyType } from './property.type.ts';
import { hiddenAsNull } from './review.type.ts';

const BookingStatus = builder.enumType('BookingStatus', { values: bookingStatuses });
export const PaymentMethod = builder.enumType('PaymentMethod', { values: paymentMethods });
const BookingActor = builder.enumType('BookingActor', { values: bookingActors });
const Canceller = builder.enumType('Canceller', { values: cancellers });
const RefundTier = builder.enumType('RefundTier', { values: refundTiers });
const UnavailableReason = builder.enumType('UnavailableReason', { values: unavailableReasons });
const PaymentKind = builder.enumType('PaymentKind', { values: paymentKinds });
const PaymentStatus = builder.enumType('PaymentStatus', { values: paymentStatuses });

type Booking = z.infer<typeof bookingView>;

const BookingParty = builder.objectRef<Booking['guest']>('BookingParty').implement({
  description: 'A party of a booking as the other side sees them: never email or phone.',
  fields: (t) => ({
    userId: t.exposeID('userId'),
    firstName: t.exposeString('firstName'),
    avatarUrl: t.exposeString('avatarUrl', { nullable: true }),
  }),
});

const PaymentType = builder.objectRef<z.infer<typeof paymentView>>('Payment').implement({
  fields: (t) => ({
    paymentId: t.exposeID('paymentId'),
    bookingId: t.exposeID('bookingId'),
    kind: t.field({ type: PaymentKind, resolve: (payment) => payment.kind }),
    amountCents: t.exposeInt('amountCents'),
    currency: t.exposeString('currency'),
    paymentMethod: t.field({ type: PaymentMethod, resolve: (payment) => payment.paymentMethod }),
    status: t.field({ type: PaymentStatus, resolve: (payment) => payment.status }),
    providerReference: t.exposeString('providerReference', { nullable: true }),
    attempts: t.exposeInt('attempts'),
    failureCode: t.exposeString('failureCode', { nullable: true }),
    paymentDate: t.expose('paymentDate', { type: 'DateTime', nullable: true }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    updatedAt: t.expose('updatedAt', { type: 'DateTime' }),
  }),
});

const CancellationPreviewType = builder
  .objectRef<z.infer<typeof cancellationPreviewView>>('CancellationPreview')
  .implement({
    description: 'What canceling now would refund, part by part (SPEC §4).',
    fields: (t) => ({
      bookingId: t.exposeID('bookingId'),
      status: t.field({ type: BookingStatus, resolve: (preview) => preview.status }),
      canceller: t.field({ type: Canceller, resolve: (preview) => preview.canceller }),
      cancellationPolicy: t.field({
        type: CancellationPolicy,
        resolve: (preview) => preview.cancellationPolicy,
      }),
      tier: t.field({ type: RefundTier, resolve: (preview) => preview.tier }),
      daysBeforeStart: t.exposeInt('daysBeforeStart'),
      paidCents: t.exposeInt('paidCents'),
      subtotalRefundCents: t.exposeInt('subtotalRefundCents'),
      cleaningFeeRefundCents: t.exposeInt('cleaningFeeRefundCents'),
      serviceFeeRefundCents: t.exposeInt('serviceFeeRefundCents'),
      refundCents: t.exposeInt('refundCents'),
      currency: t.exposeString('currency'),
    }),
  });

export const QuoteType = builder.objectRef<z.infer<typeof quoteView>>('Quote').implement({
  fields: (t) => ({
    propertyId: t.exposeID('propertyId'),
    startDate: t.exposeString('startDate'),
    endDate: t.exposeString('endDate'),
    guests: t.exposeInt('guests'),
    nightlyPriceCents: t.exposeInt('nightlyPriceCents'),
    nights: t.exposeInt('nights'),
    subtotalCents: t.exposeInt('subtotalCents'),
    cleaningFeeCents: t.exposeInt('cleaningFeeCents'),
    serviceFeeCents: t.exposeInt('serviceFeeCents'),
    totalCents: t.exposeInt('totalCents'),
    currency: t.exposeString('currency'),
    instantBook: t.exposeBoolean('instantBook'),
    cancellationPolicy: t.field({ type: CancellationPolicy, resolve: (quote) => quote.cancellationPolicy }),
    available: t.exposeBoolean('available'),
    unavailableReason: t.field({
      type: UnavailableReason,
      nullable: true,
      resolve: (quote) => quote.unavailableReason,
    }),
  }),
});

/** A booking as its guest, its host and admins see it (bookings.get); anyone else gets NOT_FOUND. */
export const BookingType = builder.objectRef<Booking>('Booking').implement({
  fields: (t) => ({
    bookingId: t.exposeID('bookingId'),
    propertyId: t.exposeID('propertyId'),
    property: t.field({
      type: PropertyType,
      nullable: true,
      description: 'The listing as the viewer may see it now; null once it is no longer visible to them.',
      resolve: (booking, _args, ctx) => ctx.loaders.property.load(booking.propertyId).catch(hiddenAsNull),
    }),
    propertyName: t.string({ resolve: (booking) => booking.property.name }),
    userId: t.exposeID('userId'),
    guest: t.field({ type: BookingParty, resolve: (booking) => booking.guest }),
    host: t.field({ type: BookingParty, resolve: (booking) => booking.host }),
    startDate: t.exposeString('startDate'),
    endDate: t.exposeString('endDate'),
    guests: t.exposeInt('guests'),
    status: t.field({ type: BookingStatus, resolve: (booking) => booking.status }),
    nightlyPriceCents: t.exposeInt('nightlyPriceCents'),
    nights: t.exposeInt('nights'),
    subtotalCents: t.exposeInt('subtotalCents'),
    cleaningFeeCents: t.exposeInt('cleaningFeeCents'),
    serviceFeeCents: t.exposeInt('serviceFeeCents'),
    totalCents: t.exposeInt('totalCents'),
    currency: t.exposeString('currency'),
    paymentMethod: t.field({ type: PaymentMethod, resolve: (booking) => booking.paymentMethod }),
    cancellationPolicy: t.field({
      type: CancellationPolicy,
      resolve: (booking) => booking.cancellationPolicy,
    }),
    expiresAt: t.expose('expiresAt', { type: 'DateTime', nullable: true }),
    confirmedAt: t.expose('confirmedAt', { type: 'DateTime', nullable: true }),
    completedAt: t.expose('completedAt', { type: 'DateTime', nullable: true }),
    canceledAt: t.expose('canceledAt', { type: 'DateTime', nullable: true }),
    canceledBy: t.field({ type: BookingActor, nullable: true, resolve: (booking) => booking.canceledBy }),
    cancellationReason: t.exposeString('cancellationReason', { nullable: true }),
    refundCents: t.exposeInt('refundCents', { nullable: true }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    updatedAt: t.expose('updatedAt', { type: 'DateTime' }),
    payments: t.field({
      type: [PaymentType],
      description: 'Charges and refunds, oldest first (payments.listForBooking).',
      resolve: async (booking, _args, ctx) =>
        (await listPaymentsForBooking(ctx.request.deps, await ctx.viewer(), booking.bookingId)).items,
    }),
    cancellationPreview: t.field({
      type: CancellationPreviewType,
      description: 'What canceling now would refund (bookings.cancellationPreview).',
      resolve: async (booking, _args, ctx) =>
        previewCancellation(ctx.request.deps, await ctx.viewer(), booking.bookingId),
    }),
  }),
});
