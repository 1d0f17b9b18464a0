import type {
  BookingNotification,
  BookingNotificationPayload,
  BookingNotificationType,
} from '../notifications/booking-notification.rules.ts';
import type { BookingRecord } from './booking.queries.ts';

type Extra = Omit<BookingNotificationPayload, 'bookingId' | 'propertyName' | 'startDate' | 'endDate'>;

/** A notification about this booking for its guest or its host, with the stay it is about. */
export function noticeFor(
  to: 'guest' | 'host',
  booking: Pick<
    BookingRecord,
    'booking_id' | 'user_id' | 'host_id' | 'property_name' | 'start_date' | 'end_date'
  >,
  type: BookingNotificationType,
  extra: Extra = {},
): BookingNotification {
  return {
    userId: to === 'guest' ? booking.user_id : booking.host_id,
    type,
    payload: {
      bookingId: booking.booking_id,
      propertyName: booking.property_name,
      startDate: booking.start_date,
      endDate: booking.end_date,
      ...extra,
    },
  };
}
