import { z } from 'zod';

/** A row per lifecycle event, for each user it concerns (the notifications procedures read them later). */
export const bookingNotificationTypes = [
  'booking_requested',
  'booking_accepted',
  'booking_declined',
  'booking_expired',
  'booking_confirmed',
  'payment_failed',
  'booking_canceled',
  'refund_issued',
  'stay_completed',
  'payout_released',
] as const;
export type BookingNotificationType = (typeof bookingNotificationTypes)[number];

/**
 * What every booking notification carries: enough to render it (list or email) without another query.
 * Stored as jsonb; read back through this schema (keys a later release adds are dropped, not refused).
 */
export const bookingNotificationPayload = z.object({
  bookingId: z.uuid(),
  propertyName: z.string(),
  startDate: z.string(),
  endDate: z.string(),
  /** The money the event is about (a refund, a payout, a total), in minor units. */
  amountCents: z.number().int().optional(),
  currency: z.string().optional(),
  /** Who canceled, for booking_canceled. */
  canceledBy: z.enum(['guest', 'host', 'admin', 'system']).optional(),
});
export type BookingNotificationPayload = z.infer<typeof bookingNotificationPayload>;

export interface BookingNotification {
  userId: string;
  type: BookingNotificationType;
  payload: BookingNotificationPayload;
}
