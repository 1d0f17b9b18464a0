import type { RouterOutputs } from '@stayhub/sdk';

export type Booking = RouterOutputs['bookings']['get'];

/** A booking's status as its guest, or its host, reads it (SPEC §4 status machine). */
export function statusText(booking: Booking, viewer: 'guest' | 'host' = 'guest'): string {
  switch (booking.status) {
    case 'requested':
      return viewer === 'guest' ? `Requested — waiting for ${booking.host.firstName} to answer` : 'Requested';
    case 'pending':
      return viewer === 'guest' ? 'Pending — confirming your payment' : 'Pending — charging the guest’s card';
    case 'confirmed':
      return 'Confirmed';
    case 'completed':
      return 'Completed';
    case 'declined':
      return 'Declined by the host';
    case 'expired':
      return 'Expired — the host did not answer in time';
    case 'canceled':
      if (booking.cancellationReason !== 'payment_failed') return 'Canceled';
      return viewer === 'guest' ? 'Canceled — your card was declined' : 'Canceled — the payment failed';
    default:
      return booking.status;
  }
}

/** Statuses the worker moves on by itself: while one shows, the list polls. */
export const isSettling = (booking: Booking) => booking.status === 'pending';
