import { randomUUID } from 'node:crypto';
import { type Kysely, sql } from 'kysely';
import { afterAll, describe, expect, inject, it } from 'vitest';
import {
  bookingLayoutStatus,
  ensureBookingPartitions,
  partitionBookings,
  planBookingPartitioning,
} from '../../src/layouts/partition-bookings.ts';
import { cloneTemplate, createTemplateDatabase, dropDatabase, testLayout } from '../../src/testing/index.ts';
import type { DB } from '../../src/types.generated.ts';
import { insertBooking, insertHeldBooking, insertHold, insertProperty, insertUser } from './rows.ts';

/**
 * The partitioned layout of bookings (SPEC §11) applied to a migrated database with data in it: same rows,
 * same constraints — foreign keys, the occupancy exclusion, idempotency, CHECKs — and a conversion that is
 * all or nothing. Each describe converts a database of its own.
 */

const serverUrl = inject('dbServerUrl');

/** The run's template, unless the run asked for another layout (STAYHUB_TEST_LAYOUT): then one migrated here. */
async function migratedTemplate(): Promise<string> {
  if (testLayout() === 'migrated') return inject('dbTemplate');
  const template = await createTemplateDatabase(serverUrl, 'migrated');
  afterAll(() => dropDatabase(serverUrl, template));
  return template;
}

const template = await migratedTemplate();

async function freshDatabase(): Promise<Kysely<DB>> {
  const database = await cloneTemplate(serverUrl, template);
  afterAll(() => database.drop());
  return database.db;
}

async function insertCharge(db: Kysely<DB>, bookingId: string) {
  return db
    .insertInto('payments')
    .values({
      booking_id: bookingId,
      kind: 'charge',
      amount_cents: 1_000,
      currency: 'EUR',
      payment_method: 'credit_card',
      idempotency_key: randomUUID(),
    })
    .returning('payment_id')
    .executeTakeFirstOrThrow();
}

/** Bookings in 2024, 2025, 2027 and 2029, with a payment, a payout, a review, a conversation and holds. */
async function seed(db: Kysely<DB>) {
  const property = await insertProperty(db);
  const guest = await insertUser(db);
  const dates = [
    ['2024-06-01', '2024-06-04'],
    ['2024-12-30', '2025-01-02'],
    ['2025-03-10', '2025-03-12'],
    ['2027-01-01', '2027-01-05'],
    ['2029-08-20', '2029-08-27'],
  ] as const;
  const bookings = [];
  for (const [start_date, end_date] of dates) {
    bookings.push(
      await insertHeldBooking(db, {
        property_id: property.property_id,
        user_id: guest.user_id,
        start_date,
        end_date,
        status: 'confirmed',
      }),
    );
  }
  const [paid, reviewed, talkedAbout, , held] = bookings;
  if (!paid || !reviewed || !talkedAbout || !held) throw new Error('seed bookings missing');
  await insertCharge(db, paid.booking_id);
  await db
    .insertInto('payouts')
    .values({
      host_id: property.host_id,
      booking_id: paid.booking_id,
      amount_cents: 27_500,
      currency: 'EUR',
      release_date: '2024-06-02',
    })
    .execute();
  await db
    .insertInto('reviews')
    .values({
      booking_id: reviewed.booking_id,
      property_id: property.property_id,
      user_id: guest.user_id,
      rating: 5,
      comment: 'Lovely.',
    })
    .execute();
  await db
    .insertInto('conversations')
    .values({
      property_id: property.property_id,
      guest_id: guest.user_id,
      host_id: property.host_id,
      booking_id: talkedAbout.booking_id,
    })
    .execute();
  return { property, guest, bookings, paid, reviewed, held };
}

async function snapshot(db: Kysely<DB>, table: string) {
  const { rows } = await sql<{ row: Record<string, unknown> }>`
    select to_jsonb(t) as row from ${sql.table(table)} t order by to_jsonb(t)::text
  `.execute(db);
  return rows.map((r) => r.row);
}

const everyTable = ['bookings', 'occupancy', 'payments', 'payouts', 'reviews', 'conversations'];

async function snapshotAll(db: Kysely<DB>) {
  return Object.fromEntries(await Promise.all(everyTable.map(async (t) => [t, await snapshot(db, t)])));
}

async function partitionOf(db: Kysely<DB>, bookingId: string): Promise<string | undefined> {
  const { rows } = await sql<{ part: string }>`
    select tableoid::regclass::text as part from bookings where booking_id = ${bookingId}
  `.execute(db);
  return rows[0]?.part;
}

async function relationsLike(db: Kysely<DB>, pattern: string): Promise<string[]> {
  const { rows } = await sql<{ name: string }>`
    select relname as name from pg_class where relname like ${pattern} order by relname
  `.execute(db);
  return rows.map((r) => r.name);
}

/** Where each foreign key on booking_id points: table.constraint → referenced table. */
async function bookingForeignKeys(db: Kysely<DB>) {
  const { rows } = await sql<{ fk: string; target: string; action: string }>`
    select conrelid::regclass::text || '.' || conname as fk, confrelid::regclass::text as target,
           confdeltype::text as action
    from pg_constraint
    where contype = 'f' and confrelid in ('bookings'::regclass, to_regclass('booking_keys'))
    order by 1
  `.execute(db);
  return rows;
}

async function bookingIndexes(db: Kysely<DB>): Promise<string[]> {
  const { rows } = await sql<{ name: string }>`
    select c.relname as name from pg_index i join pg_class c on c.oid = i.indexrelid
    where i.indrelid = 'bookings'::regclass order by 1
  `.execute(db);
  return rows.map((r) => r.name);
}

describe('partitionBookings on a migrated database with bookings across several years', async () => {
  const db = await freshDatabase();
  const data = await seed(db);
  const before = await snapshotAll(db);
  const indexesBefore = await bookingIndexes(db);
  const foreignKeysBefore = await bookingForeignKeys(db);
  const plan = await planBookingPartitioning(db);
  await partitionBookings(db);

  it('plans a partition for each year from the first booking through next year, changing nothing', async () => {
    const today = new Date().getUTCFullYear();
    const last = Math.max(2029, today + 1);
    expect(plan.rows).toBe(5);
    expect(plan.years).toEqual(Array.from({ length: last - 2024 + 1 }, (_, i) => 2024 + i));
    expect(plan.referencingForeignKeys).toEqual([
      'conversations.conversations_booking_id_fkey',
      'guest_reviews.guest_reviews_booking_id_fkey',
      'occupancy.occupancy_booking_id_fkey',
      'payments.payments_booking_id_fkey',
      'payouts.payouts_booking_id_fkey',
      'reviews.reviews_booking_id_fkey',
    ]);
  });

  it('keeps every row of bookings and of the tables that reference it, column for column', async () => {
    expect(await snapshotAll(db)).toEqual(before);
    const { rows } = await sql<{ n: number }>`select count(*) as n from booking_keys`.execute(db);
    expect(rows[0]?.n).toBe(5);
  });

  it('makes bookings a table partitioned by range of start_date, with a DEFAULT partition', async () => {
    const { rows } = await sql<{ relkind: string; strategy: string; key: string }>`
      select c.relkind::text as relkind, p.partstrat::text as strategy,
             pg_get_partkeydef(c.oid) as key
      from pg_class c join pg_partitioned_table p on p.partrelid = c.oid
      where c.oid = 'bookings'::regclass
    `.execute(db);
    expect(rows).toEqual([{ relkind: 'p', strategy: 'r', key: 'RANGE (start_date)' }]);
    const status = await bookingLayoutStatus(db);
    if (status.layout !== 'partitioned') throw new Error('not partitioned');
    expect(status.partitions.at(0)).toMatchObject({
      name: 'bookings_y2024',
      from: '2024-01-01',
      to: '2025-01-01',
    });
    expect(status.partitions.at(-1)).toMatchObject({
      name: 'bookings_default',
      from: null,
      to: null,
      rows: 0,
    });
  });

  it('puts each booking in the partition of its start_date year', async () => {
    const parts = await Promise.all(data.bookings.map((b) => partitionOf(db, b.booking_id)));
    expect(parts).toEqual([
      'bookings_y2024',
      'bookings_y2024',
      'bookings_y2025',
      'bookings_y2027',
      'bookings_y2029',
    ]);
    const later = await insertBooking(db, {
      property_id: data.property.property_id,
      start_date: '2042-01-01',
      end_date: '2042-01-03',
    });
    expect(await partitionOf(db, later.booking_id)).toBe('bookings_default');
  });

  it('keeps the indexes, with start_date added to the primary key', async () => {
    expect(await bookingIndexes(db)).toEqual(
      indexesBefore.filter((name) => name !== 'bookings_idempotency_key'),
    );
    const { rows } = await sql<{ def: string }>`
      select pg_get_constraintdef(oid) as def from pg_constraint where conname = 'bookings_pkey'
    `.execute(db);
    expect(rows).toEqual([{ def: 'PRIMARY KEY (booking_id, start_date)' }]);
  });

  it('points the foreign keys at booking_keys under the same names and ON DELETE actions', async () => {
    expect(await bookingForeignKeys(db)).toEqual(
      foreignKeysBefore.map((fk) => ({ ...fk, target: 'booking_keys' })),
    );
  });

  it('refuses a payment for a booking that does not exist (23503)', async () => {
    await expect(insertCharge(db, randomUUID())).rejects.toMatchObject({
      code: '23503',
      constraint: 'payments_booking_id_fkey',
    });
  });

  it('refuses to delete a booking that a payment, a payout or a review references (23503)', async () => {
    for (const booking of [data.paid, data.reviewed]) {
      await expect(
        db.deleteFrom('bookings').where('booking_id', '=', booking.booking_id).execute(),
      ).rejects.toMatchObject({
        code: '23503',
      });
    }
    expect(await partitionOf(db, data.paid.booking_id)).toBe('bookings_y2024');
  });

  it('deletes a booking with its occupancy hold (ON DELETE CASCADE), and frees its key', async () => {
    await db.deleteFrom('bookings').where('booking_id', '=', data.held.booking_id).execute();
    const holds = await db
      .selectFrom('occupancy')
      .select('occupancy_id')
      .where('booking_id', '=', data.held.booking_id)
      .execute();
    expect(holds).toEqual([]);
    const { rows } = await sql<{ n: number }>`
      select count(*) as n from booking_keys where booking_id = ${data.held.booking_id}
    `.execute(db);
    expect(rows[0]?.n).toBe(0);
  });

  it('still refuses overlapping nights on a property (23P01)', async () => {
    await expect(
      insertHeldBooking(db, {
        property_id: data.property.property_id,
        start_date: '2027-01-04',
        end_date: '2027-01-06',
      }),
    ).rejects.toMatchObject({ code: '23P01', constraint: 'occupancy_no_overlap' });
  });

  it('refuses a reused idempotency key even in another partition (23505 bookings_idempotency_key)', async () => {
    const first = await db
      .selectFrom('bookings')
      .select(['idempotency_key', 'user_id'])
      .where('booking_id', '=', data.paid.booking_id)
      .executeTakeFirstOrThrow();
    await expect(
      insertBooking(db, {
        property_id: data.property.property_id,
        start_date: '2027-06-01',
        end_date: '2027-06-03',
        user_id: first.user_id,
        idempotency_key: first.idempotency_key,
      }),
    ).rejects.toMatchObject({ code: '23505', constraint: 'bookings_idempotency_key' });
  });

  it('refuses a booking_id already taken in another partition (23505)', async () => {
    await expect(
      insertBooking(db, {
        booking_id: data.paid.booking_id,
        property_id: data.property.property_id,
        start_date: '2027-07-01',
        end_date: '2027-07-03',
      }),
    ).rejects.toMatchObject({ code: '23505', constraint: 'booking_keys_pkey' });
  });

  it('refuses a booking_id change that would orphan its hold and payment (23503), as the unpartitioned table did', async () => {
    await expect(
      db
        .updateTable('bookings')
        .set({ booking_id: randomUUID() })
        .where('booking_id', '=', data.paid.booking_id)
        .execute(),
    ).rejects.toMatchObject({ code: '23503' });
  });

  it('moves a booking whose start_date changes year into that partition, keeping what references it', async () => {
    await sql`
      update bookings set start_date = '2027-06-01', end_date = '2027-06-04'
      where booking_id = ${data.paid.booking_id}
    `.execute(db);
    expect(await partitionOf(db, data.paid.booking_id)).toBe('bookings_y2027');
    const payments = await db
      .selectFrom('payments')
      .select('booking_id')
      .where('booking_id', '=', data.paid.booking_id)
      .execute();
    expect(payments).toHaveLength(1);
    await expect(
      db.deleteFrom('bookings').where('booking_id', '=', data.paid.booking_id).execute(),
    ).rejects.toMatchObject({
      code: '23503',
    });
  });

  it('keeps the CHECK constraints and the updated_at trigger', async () => {
    await expect(
      insertBooking(db, {
        property_id: data.property.property_id,
        start_date: '2027-09-05',
        end_date: '2027-09-05',
      }),
    ).rejects.toMatchObject({ code: '23514' });
    const row = await db
      .updateTable('bookings')
      .set({ status: 'completed' })
      .where('booking_id', '=', data.reviewed.booking_id)
      .returning(['updated_at', 'created_at'])
      .executeTakeFirstOrThrow();
    expect(row.updated_at.getTime()).toBeGreaterThan(row.created_at.getTime());
  });

  it('refuses TRUNCATE bookings, which the referencing foreign keys refused before', async () => {
    await expect(sql`truncate bookings`.execute(db)).rejects.toMatchObject({ code: '0A000' });
  });

  it('refuses to convert a database twice', async () => {
    await expect(partitionBookings(db)).rejects.toThrow('already partitioned');
  });
});

describe('ensureBookingPartitions', async () => {
  const db = await freshDatabase();
  const { property, bookings } = await seed(db);
  await partitionBookings(db, { through: '2030-06-30' });
  const far = await insertHeldBooking(db, {
    property_id: property.property_id,
    start_date: '2035-05-01',
    end_date: '2035-05-04',
  });
  await insertCharge(db, far.booking_id);
  const farther = await insertBooking(db, {
    property_id: property.property_id,
    start_date: '2036-02-01',
    end_date: '2036-02-03',
  });
  const beyond = await insertHeldBooking(db, {
    property_id: property.property_id,
    start_date: '2040-02-01',
    end_date: '2040-02-03',
  });

  it('is needed: PostgreSQL itself refuses a partition for rows the DEFAULT partition holds', async () => {
    expect(await partitionOf(db, far.booking_id)).toBe('bookings_default');
    await expect(
      sql`create table bookings_y2035 partition of bookings for values from ('2035-01-01') to ('2036-01-01')`.execute(
        db,
      ),
    ).rejects.toMatchObject({ code: '23514' });
  });

  it('creates the missing years and moves the rows the DEFAULT partition held for them, keeping what references them', async () => {
    const before = await snapshotAll(db);
    const result = await ensureBookingPartitions(db, '2036-12-31');
    expect(result).toEqual({
      created: [
        'bookings_y2031',
        'bookings_y2032',
        'bookings_y2033',
        'bookings_y2034',
        'bookings_y2035',
        'bookings_y2036',
      ],
      movedFromDefault: 2,
    });
    expect(await partitionOf(db, far.booking_id)).toBe('bookings_y2035');
    expect(await partitionOf(db, farther.booking_id)).toBe('bookings_y2036');
    expect(await partitionOf(db, beyond.booking_id)).toBe('bookings_default');
    // Same rows everywhere: the moved booking's hold and payment are still there (nothing cascaded).
    expect(await snapshotAll(db)).toEqual(before);
    const { rows } = await sql<{ n: number }>`select count(*) as n from booking_keys`.execute(db);
    expect(rows[0]?.n).toBe(bookings.length + 3);
    await expect(
      db.deleteFrom('bookings').where('booking_id', '=', far.booking_id).execute(),
    ).rejects.toMatchObject({
      code: '23503',
      constraint: 'payments_booking_id_fkey',
    });
  });

  it('leaves the re-attached DEFAULT partition with the triggers and indexes of every other partition', async () => {
    const { rows } = await sql<{ part: string; triggers: number; indexes: number }>`
      select c.relname as part,
             (select count(*) from pg_trigger t where t.tgrelid = c.oid and not t.tgisinternal) as triggers,
             (select count(*) from pg_index i where i.indrelid = c.oid) as indexes
      from pg_class c where c.relname in ('bookings_default', 'bookings_y2035') order by 1
    `.execute(db);
    const [fallback, yearly] = rows;
    expect(fallback?.triggers).toBe(yearly?.triggers);
    expect(fallback?.indexes).toBe(yearly?.indexes);
    await expect(
      insertHeldBooking(db, {
        property_id: property.property_id,
        start_date: '2040-02-02',
        end_date: '2040-02-05',
      }),
    ).rejects.toMatchObject({ code: '23P01' });
    const late = await insertBooking(db, {
      property_id: property.property_id,
      start_date: '2041-03-01',
      end_date: '2041-03-02',
    });
    expect(await partitionOf(db, late.booking_id)).toBe('bookings_default');
  });

  it('creates partitions ahead without touching the DEFAULT partition, and does nothing when they exist', async () => {
    expect(await ensureBookingPartitions(db, '2037-01-01')).toEqual({
      created: ['bookings_y2037'],
      movedFromDefault: 0,
    });
    expect(await ensureBookingPartitions(db, '2037-12-31')).toEqual({ created: [], movedFromDefault: 0 });
  });
});

describe('a conversion that fails part-way', async () => {
  const db = await freshDatabase();
  await seed(db);
  await insertHold(db, {
    property_id: (await insertProperty(db)).property_id,
    start_date: '2026-01-01',
    end_date: '2026-01-09',
  });
  // booking_keys is created after the old table is dropped: the conversion fails well past its midpoint.
  await sql`create table booking_keys (note text)`.execute(db);
  const before = await snapshotAll(db);
  const foreignKeys = await bookingForeignKeys(db);
  const indexes = await bookingIndexes(db);
  const relations = await relationsLike(db, 'booking%');

  it('changes nothing: same table, same rows, same foreign keys, no partitions left over', async () => {
    await expect(partitionBookings(db)).rejects.toMatchObject({ code: '42P07' });
    const { rows } = await sql<{ relkind: string }>`
      select relkind::text as relkind from pg_class where oid = 'bookings'::regclass
    `.execute(db);
    expect(rows).toEqual([{ relkind: 'r' }]);
    expect(await snapshotAll(db)).toEqual(before);
    expect(await bookingForeignKeys(db)).toEqual(foreignKeys);
    expect(await bookingIndexes(db)).toEqual(indexes);
    expect(await relationsLike(db, 'booking%')).toEqual(relations);
    expect(await relationsLike(db, 'bookings\\_y%')).toEqual([]);
    expect(await relationsLike(db, 'bookings\\_partitioned')).toEqual([]);
    expect(await relationsLike(db, 'bookings\\_default')).toEqual([]);
    const { rows: functions } = await sql<{ name: string }>`
      select proname as name from pg_proc where proname like 'bookings\\_sync\\_keys%'
    `.execute(db);
    expect(functions).toEqual([]);
  });

  it('converts once the conflicting object is gone', async () => {
    await sql`drop table booking_keys`.execute(db);
    await partitionBookings(db);
    expect(await snapshotAll(db)).toEqual(before);
  });
});
