import type { Deps } from '../../domain/deps.ts';
import { chargeBooking } from '../../domain/payments/charge.service.ts';
import { defineTask } from '../define-task.ts';

/** The last attempt graphile-worker will make: a transient failure then counts as final. */
export const chargeBookingTask = (deps: Deps) =>
  defineTask('charge_booking', ({ bookingId }, { job }) =>
    chargeBooking(deps, bookingId, { finalAttempt: job.attempts >= job.max_attempts }),
  );
