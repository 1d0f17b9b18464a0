import { expireBooking } from '../../domain/bookings/booking-timers.service.ts';
import type { Deps } from '../../domain/deps.ts';
import { defineTask } from '../define-task.ts';

export const expireBookingTask = (deps: Deps) =>
  defineTask('expire_booking', async ({ bookingId }) => {
    await expireBooking(deps, bookingId);
  });
