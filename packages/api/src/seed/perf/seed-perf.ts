import type { DB } from '@stayhub/db';
import { inTransaction } from '@stayhub/db';
import { type Kysely, sql, type Transaction } from 'kysely';
import { daysBetween, todayIn } from '../../domain/shared/dates.ts';
import {
  guestRow,
  holdRows,
  hostRow,
  type PerfHold,
  type PerfProperty,
  perfHostId,
  perfPlan,
  propertyRows,
} from './perf-rows.ts';

export interface PerfSeedOptions {
  /** Number of properties (hosts and guests scale with it). */
  scale: number;
  /** The PRNG seed: the same seed, scale and `today` give the same rows. Default 1. */
  seed?: number;
  /** 'YYYY-MM-DD' the data is laid out around; default: today in UTC. */
  today?: string;
  /** The stored password hash of every perf account (the db package never hashes on its own). */
  passwordHash: string;
  /** Properties per INSERT statement. */
  batchSize?: number;
  onProgress?: (progress: PerfSeedProgress) => void;
}

export type PerfSeedStep = 'accounts' | 'listings' | 'analyze';

export interface PerfSeedProgress {
  step: PerfSeedStep;
  done: number;
  total: number;
}

export interface PerfSeedSummary {
  /** False when the perf data was already there (nothing inserted). */
  inserted: boolean;
  users: number;
  properties: number;
  photos: number;
  amenities: number;
  holds: number;
  heldNights: number;
  bookings: number;
  /** Milliseconds per step and per table. */
  timings: Record<string, number>;
}

/** Serializes concurrent perf seeders; any fixed bigint will do. */
const PERF_SEED_LOCK_KEY = '7277093450185134081';

type Column<T> = readonly [keyof T & string, string];

/**
 * One multi-row INSERT for a whole batch: each column travels as one array parameter and `unnest` turns
 * the arrays back into rows (a few parameters however many rows, close to COPY speed).
 */
function insertUnnest<T extends object>(
  trx: Transaction<DB>,
  table: string,
  columns: readonly Column<T>[],
  rows: readonly T[],
) {
  const arrays = columns.map(([column, type]) => {
    const values = rows.map((row) => row[column] ?? null);
    return sql`${values}::${sql.raw(type)}[]`;
  });
  return sql`
    INSERT INTO ${sql.table(table)} (${sql.join(columns.map(([column]) => sql.ref(column)))})
    SELECT * FROM unnest(${sql.join(arrays)})
  `.execute(trx);
}

const userColumns = [
  ['user_id', 'uuid'],
  ['email', 'citext'],
  ['password_hash', 'text'],
  ['first_name', 'text'],
  ['last_name', 'text'],
  ['role', 'user_role'],
  ['email_verified_at', 'timestamptz'],
  ['created_at', 'timestamptz'],
  ['updated_at', 'timestamptz'],
] as const;

const propertyColumns = [
  ['property_id', 'uuid'],
  ['host_id', 'uuid'],
  ['name', 'text'],
  ['description', 'text'],
  ['property_type', 'property_type'],
  ['address', 'text'],
  ['city', 'text'],
  ['region', 'text'],
  ['country', 'char(2)'],
  ['lat', 'float8'],
  ['lng', 'float8'],
  ['timezone', 'text'],
  ['price_per_night_cents', 'int4'],
  ['cleaning_fee_cents', 'int4'],
  ['currency', 'char(3)'],
  ['max_guests', 'int4'],
  ['bedrooms', 'int4'],
  ['beds', 'int4'],
  ['bathrooms', 'numeric'],
  ['min_nights', 'int4'],
  ['max_nights', 'int4'],
  ['instant_book', 'bool'],
  ['cancellation_policy', 'cancellation_policy'],
  ['status', 'property_status'],
  ['rating_avg', 'numeric'],
  ['review_count', 'int4'],
  ['listed_at', 'timestamptz'],
  ['created_at', 'timestamptz'],
  ['updated_at', 'timestamptz'],
] as const;

const photoColumns = [
  ['photo_id', 'uuid'],
  ['property_id', 'uuid'],
  ['url', 'text'],
  ['caption', 'text'],
  ['position', 'int4'],
  ['created_at', 'timestamptz'],
] as const;

const bookingColumns = [
  ['booking_id', 'uuid'],
  ['property_id', 'uuid'],
  ['user_id', 'uuid'],
  ['start_date', 'date'],
  ['end_date', 'date'],
  ['guests', 'int4'],
  ['status', 'booking_status'],
  ['nightly_price_cents', 'int4'],
  ['nights', 'int4'],
  ['subtotal_cents', 'int4'],
  ['cleaning_fee_cents', 'int4'],
  ['service_fee_cents', 'int4'],
  ['total_cents', 'int4'],
  ['currency', 'char(3)'],
  ['payment_method', 'payment_method'],
  ['payment_token', 'text'],
  ['idempotency_key', 'text'],
  ['request_hash', 'text'],
  ['confirmed_at', 'timestamptz'],
  ['created_at', 'timestamptz'],
  ['updated_at', 'timestamptz'],
] as const;

const occupancyColumns = [
  ['occupancy_id', 'uuid'],
  ['property_id', 'uuid'],
  ['kind', 'occupancy_kind'],
  ['booking_id', 'uuid'],
  ['start_date', 'date'],
  ['end_date', 'date'],
  ['note', 'text'],
  ['created_at', 'timestamptz'],
] as const;

const paymentColumns = [
  ['payment_id', 'uuid'],
  ['booking_id', 'uuid'],
  ['kind', 'payment_kind'],
  ['amount_cents', 'int4'],
  ['currency', 'char(3)'],
  ['payment_method', 'payment_method'],
  ['status', 'payment_status'],
  ['provider_reference', 'text'],
  ['idempotency_key', 'text'],
  ['attempts', 'int4'],
  ['payment_date', 'timestamptz'],
  ['created_at', 'timestamptz'],
  ['updated_at', 'timestamptz'],
] as const;

const payoutColumns = [
  ['payout_id', 'uuid'],
  ['host_id', 'uuid'],
  ['booking_id', 'uuid'],
  ['amount_cents', 'int4'],
  ['currency', 'char(3)'],
  ['status', 'payout_status'],
  ['release_date', 'date'],
  ['created_at', 'timestamptz'],
  ['updated_at', 'timestamptz'],
] as const;

/** Whether pages of the search tables are still not all-visible (index-only scans would visit the heap). */
async function notAllVisible(db: Kysely<DB>): Promise<boolean> {
  const { rows } = await sql<{ pending: boolean }>`
    SELECT bool_or(relallvisible < relpages) AS pending FROM pg_class
    WHERE oid IN ('properties'::regclass, 'occupancy'::regclass, 'property_amenities'::regclass)
  `.execute(db);
  return rows[0]?.pending ?? false;
}

/** Times each call per label, adding up across batches. */
function stopwatch() {
  const timings: Record<string, number> = {};
  return {
    timings,
    async time<T>(label: string, fn: () => Promise<T>): Promise<T> {
      const started = performance.now();
      try {
        return await fn();
      } finally {
        timings[label] = (timings[label] ?? 0) + (performance.now() - started);
      }
    },
  };
}

/**
 * The perf data set (`db:seed --scale N`): N properties around ~50 world cities with photos, amenities,
 * ratings (on some) and ~10 % not listed; N/50 hosts and N/20 guests; about 1.5 holds per property of
 * ~7 nights in the next year (a third of them confirmed bookings with their charge and payout, the rest
 * host blocks). Deterministic for a given seed, scale and `today`. One transaction, then ANALYZE so the
 * planner sees the new sizes at once. A database that already has the perf data gets nothing new.
 */
export async function seedPerf(db: Kysely<DB>, options: PerfSeedOptions): Promise<PerfSeedSummary> {
  if (!Number.isInteger(options.scale) || options.scale < 1)
    throw new RangeError('scale must be a positive integer');
  const plan = perfPlan({
    scale: options.scale,
    seed: options.seed ?? 1,
    today: options.today ?? todayIn('UTC', new Date()),
    passwordHash: options.passwordHash,
  });
  const batchSize = options.batchSize ?? 2_000;
  const progress = options.onProgress ?? (() => {});
  const watch = stopwatch();
  const summary: PerfSeedSummary = {
    inserted: false,
    users: 0,
    properties: 0,
    photos: 0,
    amenities: 0,
    holds: 0,
    heldNights: 0,
    bookings: 0,
    timings: watch.timings,
  };

  const inserted = await inTransaction(db, async (trx) => {
    await sql`select pg_advisory_xact_lock(${PERF_SEED_LOCK_KEY}::bigint)`.execute(trx);
    const existing = await trx
      .selectFrom('users')
      .select('user_id')
      .where('user_id', '=', perfHostId(plan, 0))
      .executeTakeFirst();
    if (existing) return false;

    const accounts = plan.hosts + plan.guests;
    progress({ step: 'accounts', done: 0, total: accounts });
    for (let start = 0; start < accounts; start += batchSize) {
      const rows = Array.from({ length: Math.min(batchSize, accounts - start) }, (_, i) => {
        const n = start + i;
        return n < plan.hosts ? hostRow(plan, n) : guestRow(plan, n - plan.hosts);
      });
      await watch.time('users', () => insertUnnest(trx, 'users', userColumns, rows));
      summary.users += rows.length;
      progress({ step: 'accounts', done: summary.users, total: accounts });
    }

    progress({ step: 'listings', done: 0, total: plan.properties });
    for (let start = 0; start < plan.properties; start += batchSize) {
      const indexes = Array.from(
        { length: Math.min(batchSize, plan.properties - start) },
        (_, i) => start + i,
      );
      const listings: PerfProperty[] = indexes.map((n) => propertyRows(plan, n));
      const holds: PerfHold[] = indexes.flatMap((n, i) => {
        const listing = listings[i];
        return listing ? holdRows(plan, n, listing.row) : [];
      });
      const photos = listings.flatMap((listing) => listing.photos);
      const amenities = listings.flatMap((listing) =>
        listing.amenityCodes.map((code) => ({ property_id: listing.row.property_id, code })),
      );
      const bookings = holds.flatMap((hold) => (hold.booking ? [hold.booking] : []));

      await watch.time('properties', () =>
        insertUnnest(
          trx,
          'properties',
          propertyColumns,
          listings.map((listing) => listing.row),
        ),
      );
      await watch.time('property_photos', () => insertUnnest(trx, 'property_photos', photoColumns, photos));
      await watch.time('property_amenities', () =>
        sql`
          INSERT INTO property_amenities (property_id, amenity_id)
          SELECT pick.property_id, amenities.amenity_id
          FROM unnest(${amenities.map((a) => a.property_id)}::uuid[], ${amenities.map((a) => a.code)}::text[])
            AS pick (property_id, code)
          JOIN amenities ON amenities.code = pick.code
        `.execute(trx),
      );
      await watch.time('bookings', () =>
        insertUnnest(
          trx,
          'bookings',
          bookingColumns,
          bookings.map((b) => b.booking),
        ),
      );
      await watch.time('occupancy', () =>
        insertUnnest(
          trx,
          'occupancy',
          occupancyColumns,
          holds.map((hold) => hold.occupancy),
        ),
      );
      await watch.time('payments', () =>
        insertUnnest(
          trx,
          'payments',
          paymentColumns,
          bookings.map((b) => b.charge),
        ),
      );
      await watch.time('payouts', () =>
        insertUnnest(
          trx,
          'payouts',
          payoutColumns,
          bookings.map((b) => b.payout),
        ),
      );

      summary.properties += listings.length;
      summary.photos += photos.length;
      summary.amenities += amenities.length;
      summary.holds += holds.length;
      summary.bookings += bookings.length;
      for (const hold of holds) {
        summary.heldNights += daysBetween(hold.occupancy.start_date, hold.occupancy.end_date);
      }
      progress({ step: 'listings', done: summary.properties, total: plan.properties });
    }
    return true;
  });
  if (!inserted) return summary;
  summary.inserted = true;

  // After the commit, as a DBA does after a bulk load: fresh planner statistics for the new sizes, and
  // (VACUUM) the visibility map set for index-only scans and GIN pending lists merged. VACUUM cannot run
  // inside a transaction, so a caller's transaction gets ANALYZE alone.
  progress({ step: 'analyze', done: 0, total: 1 });
  const tables = sql.raw(
    'users, properties, property_photos, property_amenities, bookings, occupancy, payments, payouts',
  );
  if (db.isTransaction) {
    await watch.time('analyze', () => sql`ANALYZE ${tables}`.execute(db));
  } else {
    await watch.time('analyze', async () => {
      await sql`VACUUM (ANALYZE) ${tables}`.execute(db);
      // A snapshot older than the load (typically an autovacuum ANALYZE that started during it) keeps
      // VACUUM from marking the new pages all-visible. Vacuum the search tables again once it has moved
      // on (usually within a second), so the planner sees them as they will be; give up after 10 s.
      for (let attempt = 0; attempt < 100 && (await notAllVisible(db)); attempt++) {
        await new Promise((resolve) => setTimeout(resolve, 100));
        await sql`VACUUM properties, occupancy, property_amenities`.execute(db);
      }
    });
  }
  progress({ step: 'analyze', done: 1, total: 1 });
  return summary;
}
