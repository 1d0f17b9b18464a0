/**
 * The notifications reviews, messages and listing moderation create (SPEC §3 notifications: user, type,
 * payload). Payloads carry ids and the few words a notification list shows without joins; never email
 * addresses or phone numbers. Bookings and payments add types of their own.
 */
export type ReviewReceivedPayload = {
  reviewId: string;
  bookingId: string;
  propertyId: string;
  propertyName: string;
  rating: number;
  authorFirstName: string;
};

export type ReviewResponsePayload = {
  reviewId: string;
  propertyId: string;
  propertyName: string;
};

export type ReviewReminderPayload = {
  bookingId: string;
  propertyId: string;
  propertyName: string;
  /** The last day a review is accepted ('YYYY-MM-DD', the property's calendar). */
  reviewBy: string;
};

export type MessageReceivedPayload = {
  conversationId: string;
  messageId: string;
  propertyId: string;
  propertyName: string;
  senderId: string;
  senderFirstName: string;
  /** The start of the message, for the notification list. */
  preview: string;
};

export type PropertySuspendedPayload = {
  propertyId: string;
  propertyName: string;
  reason: string | null;
};

export interface NotificationPayloads {
  review_received: ReviewReceivedPayload;
  review_response: ReviewResponsePayload;
  review_reminder: ReviewReminderPayload;
  message_received: MessageReceivedPayload;
  property_suspended: PropertySuspendedPayload;
}

export type NotificationType = keyof NotificationPayloads;

/** One notification to create: its recipient, type and payload, typed together. */
export type NewNotification = {
  [T in NotificationType]: { userId: string; type: T; payload: NotificationPayloads[T] };
}[NotificationType];
