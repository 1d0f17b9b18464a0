import type { PayoutStatus } from '@stayhub/db';
import type { PageRequest, PageSize } from '../shared/page.ts';

export const PAYOUT_PAGE_SIZE = { default: 20, max: 50 } as const satisfies PageSize;

/** The caller's own payouts, newest first, optionally of one status. */
export interface ListPayoutsInput extends PageRequest {
  status?: PayoutStatus;
}
