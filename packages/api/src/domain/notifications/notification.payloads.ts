import { z } from 'zod';

/**
 * The payloads reviews, messages and listing moderation store (SPEC §3 notifications: user, type, payload):
 * ids and the few words a notification list shows without joins; never email addresses or phone numbers.
 * Booking and payment payloads are in booking-notification.rules.ts. Stored as jsonb and read back through
 * these schemas: keys a later release adds are dropped, not refused, so old and new rows both parse.
 */
export const reviewReceivedPayload = z.object({
  reviewId: z.uuid(),
  bookingId: z.uuid(),
  propertyId: z.uuid(),
  propertyName: z.string(),
  rating: z.number().int(),
  authorFirstName: z.string(),
});
export type ReviewReceivedPayload = z.infer<typeof reviewReceivedPayload>;

/** To a guest, when a host's review of their stay is published (SPEC §10). */
export const guestReviewReceivedPayload = z.object({
  guestReviewId: z.uuid(),
  bookingId: z.uuid(),
  propertyId: z.uuid(),
  propertyName: z.string(),
  rating: z.number().int(),
  authorFirstName: z.string(),
});
export type GuestReviewReceivedPayload = z.infer<typeof guestReviewReceivedPayload>;

export const reviewResponsePayload = z.object({
  reviewId: z.uuid(),
  propertyId: z.uuid(),
  propertyName: z.string(),
});
export type ReviewResponsePayload = z.infer<typeof reviewResponsePayload>;

export const reviewReminderPayload = z.object({
  bookingId: z.uuid(),
  propertyId: z.uuid(),
  propertyName: z.string(),
  /** The last day a review is accepted ('YYYY-MM-DD', the property's calendar). */
  reviewBy: z.string(),
});
export type ReviewReminderPayload = z.infer<typeof reviewReminderPayload>;

export const messageReceivedPayload = z.object({
  conversationId: z.uuid(),
  messageId: z.uuid(),
  propertyId: z.uuid(),
  propertyName: z.string(),
  senderId: z.uuid(),
  senderFirstName: z.string(),
  /** The start of the message, for the notification list and the new-message email. */
  preview: z.string(),
});
export type MessageReceivedPayload = z.infer<typeof messageReceivedPayload>;

export const propertySuspendedPayload = z.object({
  propertyId: z.uuid(),
  propertyName: z.string(),
  reason: z.string().nullable(),
});
export type PropertySuspendedPayload = z.infer<typeof propertySuspendedPayload>;
