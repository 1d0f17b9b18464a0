import { randomUUID } from 'node:crypto';
import type { inferRouterInputs } from '@trpc/server';
import { sql } from 'kysely';
import type { appRouter } from '../../../src/routers/app.router.ts';
import { createProperty, insertPhotos, signedIn, type TestDeps } from '../../../src/testing/index.ts';

/** Shared by the bookings and payments integration tests: listings, inputs, and jobs run on the test clock. */

type CreateInput = inferRouterInputs<typeof appRouter>['bookings']['create'];

export const DAY_MS = 86_400_000;

/** A host (signed in) with a listed place (one photo) in Lisbon: 100.00 a night, 25.00 cleaning, up to 4 guests. */
export async function listing(deps: TestDeps, overrides: Parameters<typeof createProperty>[2] = {}) {
  const host = await signedIn(deps, 'host');
  const { propertyId } = await createProperty(deps.db, host.userId, { instant_book: true, ...overrides });
  await insertPhotos(deps, propertyId, 1);
  return { host, propertyId };
}

/** A create input for these nights, paid with tok_visa, under a fresh idempotency key. */
export function stay(
  propertyId: string,
  startDate: string,
  endDate: string,
  overrides: Partial<CreateInput> = {},
): CreateInput {
  return {
    propertyId,
    startDate,
    endDate,
    guests: 2,
    paymentMethod: 'credit_card',
    paymentToken: 'tok_visa',
    idempotencyKey: randomUUID(),
    ...overrides,
  };
}

export { runJobsDueBy } from '../../../src/testing/index.ts';

/** One job of a task queued under a key, as graphile-worker's public view shows it. */
export async function jobByKey(deps: TestDeps, key: string) {
  const { rows } = await sql<{
    task_identifier: string;
    run_at: Date;
    attempts: number;
    max_attempts: number;
    last_error: string | null;
  }>`
    select task_identifier, run_at, attempts, max_attempts, last_error
    from graphile_worker.jobs where key = ${key}`.execute(deps.db);
  return rows[0];
}

/** Deletes a queued job, as if a timer were lost (a sweep must catch what it would have done). */
export async function loseJob(deps: TestDeps, key: string): Promise<void> {
  await sql`delete from graphile_worker._private_jobs where key = ${key}`.execute(deps.db);
}

export function bookingRow(deps: TestDeps, bookingId: string) {
  return deps.db
    .selectFrom('bookings')
    .select(['status', 'refund_cents', 'canceled_by', 'cancellation_reason', 'confirmed_at', 'completed_at'])
    .where('booking_id', '=', bookingId)
    .executeTakeFirstOrThrow();
}

export function holdsOf(deps: TestDeps, bookingId: string) {
  return deps.db.selectFrom('occupancy').select('occupancy_id').where('booking_id', '=', bookingId).execute();
}

export function paymentsOf(deps: TestDeps, bookingId: string) {
  return deps.db
    .selectFrom('payments')
    .select(['payment_id', 'kind', 'status', 'amount_cents', 'attempts', 'failure_code', 'idempotency_key'])
    .where('booking_id', '=', bookingId)
    .orderBy('created_at')
    .execute();
}

export function payoutOf(deps: TestDeps, bookingId: string) {
  return deps.db
    .selectFrom('payouts')
    .select(['payout_id', 'status', 'amount_cents', 'release_date', 'released_at', 'provider_reference'])
    .where('booking_id', '=', bookingId)
    .executeTakeFirst();
}

export function notificationsOf(deps: TestDeps, bookingId: string) {
  return deps.db
    .selectFrom('notifications')
    .select(['user_id', 'type', 'emailed_at'])
    .where(sql<boolean>`payload->>'bookingId' = ${bookingId}`)
    .orderBy('created_at')
    .execute();
}
