import type { DB, Executor } from '@stayhub/db';
import { type Insertable, sql, type Updateable } from 'kysely';

/** Never selectAll on payments (STYLE "Database"): these are the columns anything reads. */
const paymentColumns = [
  'payment_id',
  'booking_id',
  'kind',
  'amount_cents',
  'currency',
  'payment_method',
  'status',
  'provider_reference',
  'idempotency_key',
  'attempts',
  'failure_code',
  'payment_date',
  'created_at',
  'updated_at',
] as const;

export async function insertPayment(db: Executor, row: Insertable<DB['payments']>): Promise<void> {
  await db.insertInto('payments').values(row).execute();
}

export function findPayment(db: Executor, paymentId: string) {
  return db
    .selectFrom('payments')
    .select(paymentColumns)
    .where('payment_id', '=', paymentId)
    .executeTakeFirst();
}

export type PaymentRow = NonNullable<Awaited<ReturnType<typeof findPayment>>>;

export function lockPayment(db: Executor, paymentId: string) {
  return db
    .selectFrom('payments')
    .select(paymentColumns)
    .where('payment_id', '=', paymentId)
    .forUpdate()
    .executeTakeFirst();
}

/** The booking's current charge: the live one (pending or succeeded), else the latest failed one. */
export function findChargeOfBooking(db: Executor, bookingId: string) {
  return db
    .selectFrom('payments')
    .select(paymentColumns)
    .where('booking_id', '=', bookingId)
    .where('kind', '=', 'charge')
    .orderBy(sql`status <> 'failed'`, 'desc')
    .orderBy('created_at', 'desc')
    .limit(1)
    .executeTakeFirst();
}

/**
 * Counts a provider call as started, before it is made (committed on its own): `attempts > 0` then means
 * the provider may have seen this key, so a charge whose booking was canceled meanwhile cannot simply be
 * dropped — it is replayed to learn the outcome and refunded if it went through.
 */
export function markAttemptStarted(db: Executor, paymentId: string) {
  return db
    .updateTable('payments')
    .set((eb) => ({ attempts: eb('attempts', '+', 1) }))
    .where('payment_id', '=', paymentId)
    .where('status', '=', 'pending')
    .returning('attempts')
    .executeTakeFirst();
}

export async function updatePayment(
  db: Executor,
  paymentId: string,
  patch: Updateable<DB['payments']>,
): Promise<void> {
  await db.updateTable('payments').set(patch).where('payment_id', '=', paymentId).execute();
}

/**
 * What the guest has paid and not been given back: succeeded charges − refunds that succeeded or are on
 * their way. A refund quote is capped by it, so money never flows back twice.
 */
export async function paidCents(db: Executor, bookingId: string): Promise<number> {
  const row = await db
    .selectFrom('payments')
    .select(
      sql<number>`coalesce(sum(case
        when kind = 'charge' and status = 'succeeded' then amount_cents
        when kind = 'refund' and status <> 'failed' then -amount_cents
        else 0 end), 0)::int`.as('paid'),
    )
    .where('booking_id', '=', bookingId)
    .executeTakeFirstOrThrow();
  return row.paid;
}

export function listPaymentsOfBooking(db: Executor, bookingId: string) {
  return db
    .selectFrom('payments')
    .select(paymentColumns)
    .where('booking_id', '=', bookingId)
    .orderBy('created_at')
    .orderBy('payment_id')
    .execute();
}
