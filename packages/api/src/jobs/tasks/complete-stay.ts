import { completeStay } from '../../domain/bookings/booking-timers.service.ts';
import type { Deps } from '../../domain/deps.ts';
import { defineTask } from '../define-task.ts';

export const completeStayTask = (deps: Deps) =>
  defineTask('complete_stay', async ({ bookingId }) => {
    await completeStay(deps, bookingId);
  });
