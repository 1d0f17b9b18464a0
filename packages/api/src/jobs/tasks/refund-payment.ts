import type { Deps } from '../../domain/deps.ts';
import { refundPayment } from '../../domain/payments/refund.service.ts';
import { defineTask } from '../define-task.ts';

export const refundPaymentTask = (deps: Deps) =>
  defineTask('refund_payment', ({ paymentId }, { job }) =>
    refundPayment(deps, paymentId, { finalAttempt: job.attempts >= job.max_attempts }),
  );
