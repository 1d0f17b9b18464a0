import type { DB, Executor, PayoutStatus } from '@stayhub/db';
import type { Insertable, Updateable } from 'kysely';
import { afterPosition, timestampKey } from '../shared/keyset.queries.ts';
import type { KeysetPosition } from '../shared/keyset-cursor.ts';

const payoutColumns = [
  'payouts.payout_id',
  'payouts.host_id',
  'payouts.booking_id',
  'payouts.amount_cents',
  'payouts.currency',
  'payouts.status',
  'payouts.release_date',
  'payouts.released_at',
  'payouts.provider_reference',
  'payouts.created_at',
  'payouts.updated_at',
] as const;

export function insertPayout(db: Executor, row: Insertable<DB['payouts']>) {
  return db.insertInto('payouts').values(row).returning('payout_id').executeTakeFirstOrThrow();
}

/** The payout of a booking with its listing's time zone (release happens on a date there), locked. */
export function lockPayout(db: Executor, payoutId: string) {
  return db
    .selectFrom('payouts')
    .innerJoin('bookings', 'bookings.booking_id', 'payouts.booking_id')
    .innerJoin('properties', 'properties.property_id', 'bookings.property_id')
    .select(payoutColumns)
    .select(['properties.timezone', 'bookings.property_id'])
    .where('payouts.payout_id', '=', payoutId)
    .forUpdate('payouts')
    .executeTakeFirst();
}

export function lockPayoutOfBooking(db: Executor, bookingId: string) {
  return db
    .selectFrom('payouts')
    .select(payoutColumns)
    .where('payouts.booking_id', '=', bookingId)
    .forUpdate()
    .executeTakeFirst();
}

export async function updatePayout(
  db: Executor,
  payoutId: string,
  patch: Updateable<DB['payouts']>,
): Promise<void> {
  await db.updateTable('payouts').set(patch).where('payout_id', '=', payoutId).execute();
}

/** Scheduled payouts whose release date has come somewhere (payouts_status_release_date_idx). */
export function findDuePayouts(db: Executor, latestToday: string, limit: number) {
  return db
    .selectFrom('payouts')
    .select('payout_id')
    .where('status', '=', 'scheduled')
    .where('release_date', '<=', latestToday)
    .orderBy('release_date')
    .limit(limit)
    .execute();
}

export interface HostPayoutFilter {
  hostId: string;
  status?: PayoutStatus | undefined;
  after?: KeysetPosition | undefined;
  limit: number;
}

/**
 * One page of a host's payouts, newest first: ORDER BY created_at DESC, payout_id ASC — the order of
 * payouts_host_id_idx. `created_at_key` keeps microseconds for the next cursor.
 */
export function listPayoutsOfHost(db: Executor, filter: HostPayoutFilter) {
  let query = db
    .selectFrom('payouts')
    .innerJoin('bookings', 'bookings.booking_id', 'payouts.booking_id')
    .select(payoutColumns)
    .select((eb) => ['bookings.property_id', timestampKey(eb.ref('payouts.created_at')).as('created_at_key')])
    .where('payouts.host_id', '=', filter.hostId);
  if (filter.status !== undefined) query = query.where('payouts.status', '=', filter.status);
  const after = filter.after;
  if (after !== undefined) {
    query = query.where((eb) =>
      afterPosition(eb, eb.ref('payouts.created_at'), eb.ref('payouts.payout_id'), after),
    );
  }
  return query
    .orderBy('payouts.created_at', 'desc')
    .orderBy('payouts.payout_id', 'asc')
    .limit(filter.limit)
    .execute();
}
