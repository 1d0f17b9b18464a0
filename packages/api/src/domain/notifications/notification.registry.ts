import type { z } from 'zod';
import type { MailMessage } from '../../infra/mail/mailer.ts';
import { newMessagesMail } from '../messages/message.mails.ts';
import { MESSAGE_EMAIL_QUIET_PERIOD_MS, messageEmailJobKey } from '../messages/message.rules.ts';
import { reviewReminderMail } from '../reviews/review.mails.ts';
import type { AppLinks } from '../shared/app-links.ts';
import { bookingNotificationMail } from './booking-notification.mails.ts';
import {
  type BookingNotificationPayload,
  type BookingNotificationType,
  bookingNotificationPayload,
} from './booking-notification.rules.ts';
import {
  type GuestReviewReceivedPayload,
  guestReviewReceivedPayload,
  type MessageReceivedPayload,
  messageReceivedPayload,
  type PropertySuspendedPayload,
  propertySuspendedPayload,
  type ReviewReceivedPayload,
  type ReviewReminderPayload,
  type ReviewResponsePayload,
  reviewReceivedPayload,
  reviewReminderPayload,
  reviewResponsePayload,
} from './notification.payloads.ts';

/** Every notification type the system stores, with the payload it carries (as stored, as listed). */
export interface NotificationPayloads extends Record<BookingNotificationType, BookingNotificationPayload> {
  review_received: ReviewReceivedPayload;
  guest_review_received: GuestReviewReceivedPayload;
  review_response: ReviewResponsePayload;
  review_reminder: ReviewReminderPayload;
  message_received: MessageReceivedPayload;
  property_suspended: PropertySuspendedPayload;
}

export type NotificationType = keyof NotificationPayloads;

/** One notification to create: its recipient, type and payload, typed together. */
export interface NotificationOf<T extends NotificationType> {
  userId: string;
  type: T;
  payload: NotificationPayloads[T];
}

export type NewNotification = { [T in NotificationType]: NotificationOf<T> }[NotificationType];

export interface MailRecipient {
  email: string;
  firstName: string;
}

/** The payload keys whose values are strings: what a digest can group its notifications by. */
type StringKey<P> = { [K in keyof P]-?: P[K] extends string ? K : never }[keyof P] & string;

/**
 * Whether and how a type is mailed. `immediate`: one email per notification, queued with it. `digest`:
 * the first notification of a burst starts a timer (one per job key, which keeps its first run time), and
 * when it fires one email covers every notification of the group that is still unread and not emailed —
 * none if the user read them meanwhile.
 */
export type EmailRule<P> =
  | { kind: 'none' }
  | { kind: 'immediate'; render: (to: MailRecipient, payload: P, links: AppLinks) => MailMessage }
  | {
      kind: 'digest';
      quietPeriodMs: number;
      /** The payload key a digest groups by (e.g. one email per conversation). */
      groupBy: StringKey<P>;
      jobKey: (userId: string, payload: P) => string;
      /** `payloads` oldest first, never empty. */
      render: (to: MailRecipient, payloads: readonly [P, ...P[]], links: AppLinks) => MailMessage;
    };

export interface NotificationKind<P> {
  payload: z.ZodType<P>;
  email: EmailRule<P>;
}

export type NotificationRegistry = { [T in NotificationType]: NotificationKind<NotificationPayloads[T]> };

const noEmail = { kind: 'none' } as const;

function bookingKind(type: BookingNotificationType): NotificationKind<BookingNotificationPayload> {
  return {
    payload: bookingNotificationPayload,
    email: {
      kind: 'immediate',
      render: (to, payload, links) => bookingNotificationMail(to, type, payload, links),
    },
  };
}

/**
 * The one list of notification types: each type's payload schema and email rule. `notify` writes through
 * it, the notification email task reads through it, and the wire contract (`notifications.list`) derives
 * its `type` enum and per-type payload union from it (schemas/notifications.schemas.ts), so the SDK can
 * narrow a notification on `type`.
 */
export const notificationRegistry: NotificationRegistry = {
  booking_requested: bookingKind('booking_requested'),
  booking_accepted: bookingKind('booking_accepted'),
  booking_declined: bookingKind('booking_declined'),
  booking_expired: bookingKind('booking_expired'),
  booking_confirmed: bookingKind('booking_confirmed'),
  payment_failed: bookingKind('payment_failed'),
  booking_canceled: bookingKind('booking_canceled'),
  refund_issued: bookingKind('refund_issued'),
  stay_completed: bookingKind('stay_completed'),
  payout_released: bookingKind('payout_released'),
  review_received: { payload: reviewReceivedPayload, email: noEmail },
  guest_review_received: { payload: guestReviewReceivedPayload, email: noEmail },
  review_response: { payload: reviewResponsePayload, email: noEmail },
  review_reminder: {
    payload: reviewReminderPayload,
    email: { kind: 'immediate', render: reviewReminderMail },
  },
  message_received: {
    payload: messageReceivedPayload,
    email: {
      kind: 'digest',
      quietPeriodMs: MESSAGE_EMAIL_QUIET_PERIOD_MS,
      groupBy: 'conversationId',
      jobKey: (userId, payload) => messageEmailJobKey(payload.conversationId, userId),
      render: (to, payloads, links) => {
        const latest = payloads[payloads.length - 1] ?? payloads[0];
        return newMessagesMail(
          to,
          {
            conversationId: latest.conversationId,
            propertyName: latest.propertyName,
            senderFirstName: latest.senderFirstName,
            latestBody: latest.preview,
            unreadCount: payloads.length,
          },
          links,
        );
      },
    },
  },
  property_suspended: { payload: propertySuspendedPayload, email: noEmail },
};

export function isNotificationType(value: string): value is NotificationType {
  return Object.hasOwn(notificationRegistry, value);
}

export const notificationTypes: readonly NotificationType[] =
  Object.keys(notificationRegistry).filter(isNotificationType);
