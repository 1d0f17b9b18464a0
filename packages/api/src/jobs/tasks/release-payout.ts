import type { Deps } from '../../domain/deps.ts';
import { releasePayout } from '../../domain/payments/payout.service.ts';
import { defineTask } from '../define-task.ts';

export const releasePayoutTask = (deps: Deps) =>
  defineTask('release_payout', async ({ payoutId }) => {
    await releasePayout(deps, payoutId);
  });
