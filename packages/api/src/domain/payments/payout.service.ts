import { randomBytes } from 'node:crypto';
import { inTransaction } from '@stayhub/db';
import { findBookingRecord } from '../bookings/booking.queries.ts';
import { noticeFor } from '../bookings/booking-notices.ts';
import type { Deps } from '../deps.ts';
import { notify } from '../notifications/notify.ts';
import { todayIn } from '../shared/dates.ts';
import { lockPayout, updatePayout } from './payout.queries.ts';

/**
 * The `release_payout` timer (and the sweep): a scheduled payout whose release date (check-in + 1 day) has
 * come in the listing's time zone → released, with a transfer reference, and the host told. The transfer
 * itself is simulated: the reference is where a real payout provider's id would go. Canceled, released or
 * not yet due: left alone, so repeated runs change nothing. True when it released.
 */
export async function releasePayout(deps: Deps, payoutId: string): Promise<boolean> {
  return inTransaction(deps.db, async (trx) => {
    const payout = await lockPayout(trx, payoutId);
    const now = deps.clock.now();
    if (payout?.status !== 'scheduled' || todayIn(payout.timezone, now) < payout.release_date) return false;
    await updatePayout(trx, payoutId, {
      status: 'released',
      released_at: now,
      provider_reference: `sim_po_${randomBytes(12).toString('hex')}`,
    });
    const booking = await findBookingRecord(trx, payout.booking_id);
    if (booking) {
      await notify(
        trx,
        deps,
        noticeFor('host', booking, 'payout_released', {
          amountCents: payout.amount_cents,
          currency: payout.currency,
        }),
      );
    }
    return true;
  });
}
