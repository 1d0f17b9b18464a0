import type { MailMessage } from '../../infra/mail/mailer.ts';
import type { AppLinks } from '../shared/app-links.ts';
import { composeMail } from '../shared/mail-layout.ts';
import type { BookingNotificationPayload, BookingNotificationType } from './booking-notification.rules.ts';

/** `12345` EUR cents → "€123.45", with the currency's own number of minor digits. */
function money(amountCents: number | undefined, currency: string | undefined): string {
  if (amountCents === undefined || currency === undefined) return '';
  const format = new Intl.NumberFormat('en', { style: 'currency', currency });
  const digits = format.resolvedOptions().maximumFractionDigits ?? 2;
  return format.format(amountCents / 10 ** digits);
}

const canceledByWords = { guest: 'the guest', host: 'the host', admin: 'StayHub', system: 'StayHub' };

function summary(
  type: BookingNotificationType,
  p: BookingNotificationPayload,
): { subject: string; line: string } {
  const stay = `${p.propertyName}, ${p.startDate} to ${p.endDate}`;
  const amount = money(p.amountCents, p.currency);
  switch (type) {
    case 'booking_requested':
      return {
        subject: 'New booking request',
        line: `A guest asks to stay at ${stay}. Answer within 24 hours.`,
      };
    case 'booking_accepted':
      return {
        subject: 'Your request was accepted',
        line: `The host accepted your stay at ${stay}. We are charging your payment method now.`,
      };
    case 'booking_declined':
      return {
        subject: 'Your request was declined',
        line: `The host declined your stay at ${stay}. You were not charged.`,
      };
    case 'booking_expired':
      return {
        subject: 'A booking request expired',
        line: `The request for ${stay} got no answer within 24 hours and has expired.`,
      };
    case 'booking_confirmed':
      return {
        subject: 'Booking confirmed',
        line: `The stay at ${stay} is confirmed${amount ? ` (${amount})` : ''}.`,
      };
    case 'payment_failed':
      return {
        subject: 'Payment failed',
        line: `We could not charge your payment method for ${stay}, so the booking was canceled.`,
      };
    case 'booking_canceled':
      return {
        subject: 'Booking canceled',
        line: `The stay at ${stay} was canceled by ${canceledByWords[p.canceledBy ?? 'system']}.`,
      };
    case 'refund_issued':
      return { subject: 'Refund issued', line: `We refunded ${amount} for ${stay}.` };
    case 'stay_completed':
      return {
        subject: 'Stay completed',
        line: `The stay at ${stay} is complete. Reviews are open for 14 days.`,
      };
    case 'payout_released':
      return { subject: 'Payout released', line: `We released your payout of ${amount} for ${stay}.` };
  }
}

/** A booking notification's email, plain text and HTML, with a link to the booking in the app. */
export function bookingNotificationMail(
  to: { email: string; firstName: string },
  type: BookingNotificationType,
  payload: BookingNotificationPayload,
  links: AppLinks,
): MailMessage {
  const { subject, line } = summary(type, payload);
  return composeMail({
    to,
    subject: `StayHub: ${subject}`,
    blocks: [
      line,
      `Booking ${payload.bookingId}`,
      { label: 'See the booking', link: links.booking(payload.bookingId) },
      { label: 'Choose which emails you get', link: links.notificationSettings() },
    ],
  });
}
