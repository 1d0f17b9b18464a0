import { sweepBookings } from '../../domain/bookings/booking-sweep.service.ts';
import type { Deps } from '../../domain/deps.ts';
import { defineTask } from '../define-task.ts';

export const bookingSweepTask = (deps: Deps) =>
  defineTask('booking_sweep', async () => {
    await sweepBookings(deps);
  });
