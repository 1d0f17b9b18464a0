import type { PayoutStatus } from '@stayhub/db';
import type { PageRequest } from '../shared/page.ts';

/** The caller's own payouts, newest first, optionally of one status. */
export interface ListPayoutsInput extends PageRequest {
  status?: PayoutStatus;
}
