import type { RouterOutputs } from '@stayhub/sdk';

export type Booking = RouterOutputs['bookings']['get'];

/** A booking's status as a guest reads it (SPEC §4 status machine). */
export function statusText(booking: Booking): string {
  switch (booking.status) {
    case 'requested':
      return `Requested — waiting for ${booking.host.firstName} to answer`;
    case 'pending':
      return 'Pending — confirming your payment';
    case 'confirmed':
      return 'Confirmed';
    case 'completed':
      return 'Completed';
    case 'declined':
      return 'Declined by the host';
    case 'expired':
      return 'Expired — the host did not answer in time';
    case 'canceled':
      return booking.cancellationReason === 'payment_failed'
        ? 'Canceled — your card was declined'
        : 'Canceled';
    default:
      return booking.status;
  }
}

/** Statuses the worker moves on by itself: while one shows, the list polls. */
export const isSettling = (booking: Booking) => booking.status === 'pending';
