import { type Kysely, sql, type Transaction } from 'kysely';
import type { DB } from '../types.generated.ts';

/**
 * The partitioned layout of `bookings` (SPEC §11 scaling note): an operator-run change to a migrated
 * database, not a migration in the chain — the app and its `DB` types see the same `bookings` table with the
 * same columns either way, and a fresh database is still migrated unpartitioned.
 *
 * `bookings` becomes PARTITION BY RANGE (start_date) with one partition per calendar year and a DEFAULT
 * partition for anything no yearly one covers. Yearly, not monthly: most queries find a booking by id, by
 * guest or by a sweep's status, none of which prune on start_date, so every partition is one more index
 * probe per query; years keep that count near ten while each one stays a size vacuum and index builds
 * handle (at ~100M rows, ~10–30M a year).
 *
 * A partitioned table's unique constraints must include the partition key, so the primary key becomes
 * (booking_id, start_date), and neither "booking_id is unique" nor "(user_id, idempotency_key) is unique"
 * can be an index on `bookings` any more. Both live in `booking_keys`, one narrow unpartitioned row per
 * booking that triggers on `bookings` keep in step (`bookings_sync_keys_*`, SECURITY DEFINER so the app's
 * role needs no grant on it). Its primary key keeps booking_id globally unique — gen_random_uuid()
 * collisions are not a practical worry, but an explicit id (factories, imports) must still be refused — and
 * its `bookings_idempotency_key` constraint raises the same 23505, under the same name, that
 * createBooking's idempotency race expects (packages/api/src/domain/bookings/booking.service.ts).
 *
 * The foreign keys that referenced bookings (booking_id) — payments, payouts, reviews, conversations,
 * occupancy — reference booking_keys (booking_id) instead, with their names and ON DELETE actions
 * unchanged: they stay real foreign keys, checked by PostgreSQL's own locking under any isolation level,
 * so an orphan still fails with 23503 and deleting a booking still cascades to its occupancy hold (the
 * AFTER DELETE trigger deletes the key row; the key row's foreign keys do the rest at the end of the same
 * statement). Composite foreign keys on (booking_id, start_date) were the other sound option, but they
 * would add a start_date column, kept by triggers, to five tables the app writes; constraint triggers that
 * look for the booking would have to reimplement the row locking foreign keys already do.
 */

export const PARTITIONED_TABLE = 'bookings';
export const DEFAULT_PARTITION = 'bookings_default';
export const KEY_TABLE = 'booking_keys';
/** More yearly partitions than this is a sign of stray dates, not of a layout anyone wants. */
const MAX_PARTITIONS = 200;

export interface BookingPartition {
  name: string;
  /** Inclusive lower bound of start_date ('YYYY-MM-DD'); null for the DEFAULT partition. */
  from: string | null;
  /** Exclusive upper bound; null for the DEFAULT partition. */
  to: string | null;
  /** The planner's estimate, except for the DEFAULT partition, which is counted. */
  rows: number;
}

export type BookingLayoutStatus =
  | { layout: 'unpartitioned'; rows: number }
  | { layout: 'partitioned'; partitions: BookingPartition[] };

export interface ConversionPlan {
  rows: number;
  /** Yearly partitions the conversion creates, plus bookings_default. */
  years: number[];
  /** Foreign keys that reference bookings (booking_id), as `table.constraint`. */
  referencingForeignKeys: string[];
  /** The indexes, triggers and foreign keys of bookings that are rebuilt on the partitioned table. */
  indexes: string[];
  triggers: string[];
  foreignKeys: string[];
}

export interface ConversionOptions {
  /** Create yearly partitions through this date's year at least ('YYYY-MM-DD'); default: next year. */
  through?: string;
  /** How long to wait for the table locks before giving up (SET LOCAL lock_timeout); default 10s. */
  lockTimeout?: string;
}

const quote = (name: string) => `"${name.replaceAll('"', '""')}"`;

function yearOf(date: string): number {
  const match = /^(\d{4})-\d{2}-\d{2}$/.exec(date);
  if (!match) throw new Error(`expected a YYYY-MM-DD date, not ${date}`);
  return Number(match[1]);
}

const yearStart = (year: number) => `${String(year).padStart(4, '0')}-01-01`;
const partitionName = (year: number) => `bookings_y${year}`;

async function relkind(db: Kysely<DB>, name: string): Promise<string | null> {
  const { rows } = await sql<{ relkind: string | null }>`
    select (select c.relkind::text from pg_class c where c.oid = to_regclass(${name})) as relkind
  `.execute(db);
  return rows[0]?.relkind ?? null;
}

async function countRows(db: Kysely<DB>, query: ReturnType<typeof sql>): Promise<number> {
  const { rows } = await sql<{ n: number }>`select count(*)::int8 as n from (${query}) q`.execute(db);
  return rows[0]?.n ?? 0;
}

/** What the conversion would do on this database, read without changing anything (the CLI's --dry-run). */
export async function planBookingPartitioning(
  db: Kysely<DB>,
  options: Pick<ConversionOptions, 'through'> = {},
): Promise<ConversionPlan> {
  return (await planWithDefinitions(db, options)).plan;
}

async function planWithDefinitions(
  db: Kysely<DB>,
  options: Pick<ConversionOptions, 'through'>,
): Promise<{ plan: ConversionPlan; parts: Definitions }> {
  const kind = await relkind(db, PARTITIONED_TABLE);
  if (kind === 'p') throw new Error('bookings is already partitioned');
  if (kind !== 'r') throw new Error('there is no bookings table: migrate the database first');

  const { rows: span } = await sql<{ rows: number; first: number; last: number; today: number }>`
    select count(*)::int8 as rows,
           coalesce(min(extract(year from start_date)), extract(year from current_date))::int as first,
           coalesce(max(extract(year from start_date)), extract(year from current_date))::int as last,
           extract(year from current_date)::int as today
    from bookings
  `.execute(db);
  const { rows = 0, first = 0, last = 0, today = 0 } = span[0] ?? {};
  const through = Math.max(last, today + 1, options.through ? yearOf(options.through) : 0);
  const from = Math.min(first, today);
  if (through - from + 1 > MAX_PARTITIONS) {
    throw new Error(
      `bookings start from ${from} to ${through}: more than ${MAX_PARTITIONS} yearly partitions; fix the stray dates first`,
    );
  }
  const years = Array.from({ length: through - from + 1 }, (_, i) => from + i);
  const parts = await definitionsOf(db);
  const plan = {
    rows,
    years,
    referencingForeignKeys: parts.referencing.map((fk) => `${fk.table}.${fk.name}`),
    indexes: parts.indexes.map((index) => index.name),
    triggers: parts.triggers.map((trigger) => trigger.name),
    foreignKeys: parts.foreignKeys.map((fk) => fk.name),
  };
  return { plan, parts };
}

interface Definitions {
  referencing: { table: string; name: string; definition: string }[];
  foreignKeys: { name: string; definition: string }[];
  indexes: { name: string; definition: string }[];
  triggers: { name: string; definition: string }[];
  grants: { grantee: string; privilege: string }[];
}

/**
 * The parts of bookings a CREATE TABLE … (LIKE …) does not copy, as DDL PostgreSQL itself prints, so columns
 * and indexes later migrations add (0012's cancellation_policy, bookings_pending_updated_at_idx) come along
 * without this file knowing them. Unique constraints are the exception: the layout knows the two bookings
 * has, and refuses to run if a migration has added one it cannot keep global.
 */
async function definitionsOf(db: Kysely<DB>): Promise<Definitions> {
  const { rows: constraints } = await sql<{ name: string; type: string; columns: string[] }>`
    select conname as name, contype::text as type,
           array(select a.attname::text from unnest(conkey) k join pg_attribute a
                 on a.attrelid = conrelid and a.attnum = k order by a.attname) as columns
    from pg_constraint where conrelid = 'bookings'::regclass and contype in ('p', 'u', 'x')
    order by conname
  `.execute(db);
  const known = ['p:booking_id', 'u:idempotency_key,user_id'];
  const unknown = constraints.filter((c) => !known.includes(`${c.type}:${c.columns.join(',')}`));
  if (unknown.length > 0 || constraints.length !== known.length) {
    throw new Error(
      `bookings has unique or exclusion constraints this layout does not know how to keep global: ${unknown.map((c) => c.name).join(', ') || '(a known one is missing)'}`,
    );
  }

  const { rows: referencing } = await sql<{
    table: string;
    name: string;
    definition: string;
    columns: string;
  }>`
    select conrelid::regclass::text as table, conname as name, pg_get_constraintdef(oid) as definition,
           (select string_agg(a.attname, ',') from unnest(confkey) k join pg_attribute a
              on a.attrelid = confrelid and a.attnum = k) as columns
    from pg_constraint where confrelid = 'bookings'::regclass and contype = 'f'
    order by 1, 2
  `.execute(db);
  for (const fk of referencing) {
    if (fk.columns !== 'booking_id') {
      throw new Error(`${fk.table}.${fk.name} references bookings (${fk.columns}), not (booking_id)`);
    }
  }
  const { rows: foreignKeys } = await sql<{ name: string; definition: string }>`
    select conname as name, pg_get_constraintdef(oid) as definition
    from pg_constraint where conrelid = 'bookings'::regclass and contype = 'f' order by conname
  `.execute(db);
  const { rows: indexes } = await sql<{ name: string; definition: string }>`
    select c.relname as name, pg_get_indexdef(i.indexrelid) as definition
    from pg_index i join pg_class c on c.oid = i.indexrelid
    where i.indrelid = 'bookings'::regclass
      and not exists (select 1 from pg_constraint k where k.conindid = i.indexrelid)
    order by c.relname
  `.execute(db);
  const { rows: triggers } = await sql<{ name: string; definition: string }>`
    select tgname as name, pg_get_triggerdef(oid) as definition
    from pg_trigger where tgrelid = 'bookings'::regclass and not tgisinternal order by tgname
  `.execute(db);
  const { rows: grants } = await sql<{ grantee: string; privilege: string }>`
    select case when a.grantee = 0 then 'public' else quote_ident(pg_get_userbyid(a.grantee)) end as grantee,
           a.privilege_type as privilege
    from pg_class c, aclexplode(c.relacl) a
    where c.oid = 'bookings'::regclass and a.grantee <> c.relowner
  `.execute(db);
  return {
    referencing: referencing.map(({ table, name, definition }) => ({ table, name, definition })),
    foreignKeys,
    indexes,
    triggers,
    grants,
  };
}

/** `FOREIGN KEY (booking_id) REFERENCES bookings(booking_id) ON DELETE CASCADE`, aimed at booking_keys. */
function towardKeys(definition: string): string {
  const retargeted = definition.replace(
    /REFERENCES (?:[\w"]+\.)?bookings\(booking_id\)/,
    `REFERENCES ${KEY_TABLE}(booking_id)`,
  );
  if (retargeted === definition) throw new Error(`cannot retarget foreign key: ${definition}`);
  return retargeted;
}

async function run(trx: Transaction<DB>, statement: string): Promise<void> {
  await sql.raw(statement).execute(trx);
}

/** A conversion that queues behind a long transaction would stall every query on bookings behind it. */
async function setLockTimeout(trx: Transaction<DB>, timeout = '10s'): Promise<void> {
  if (!/^\d+(ms|s|min)?$/.test(timeout)) throw new Error(`lock timeout ${timeout} is not like 10s or 500ms`);
  await run(trx, `set local lock_timeout = '${timeout}'`);
}

/**
 * Converts a migrated database to the partitioned layout, in ONE transaction: it holds an ACCESS EXCLUSIVE
 * lock on bookings (and SHARE ROW EXCLUSIVE on the tables that reference it) while it copies every row, so
 * it suits a table that copies in minutes; docs/operations.md "Partitioning bookings" has the online path
 * for a big one. On any error nothing has changed.
 */
export async function partitionBookings(
  db: Kysely<DB>,
  options: ConversionOptions = {},
): Promise<ConversionPlan> {
  return db.transaction().execute(async (trx) => {
    await setLockTimeout(trx, options.lockTimeout);
    await run(trx, 'lock table bookings in access exclusive mode');
    const { plan, parts } = await planWithDefinitions(trx, options);
    const { rows: schemaRows } = await sql<{ schema: string }>`select current_schema() as schema`.execute(
      trx,
    );
    const schema = quote(schemaRows[0]?.schema ?? 'public');

    await run(
      trx,
      `create table bookings_partitioned (like bookings including defaults including constraints
         including generated including comments including storage including compression including statistics)
       partition by range (start_date)`,
    );
    for (const year of plan.years) {
      await run(
        trx,
        `create table ${partitionName(year)} partition of bookings_partitioned
         for values from ('${yearStart(year)}') to ('${yearStart(year + 1)}')`,
      );
    }
    await run(trx, `create table ${DEFAULT_PARTITION} partition of bookings_partitioned default`);
    await run(trx, 'insert into bookings_partitioned select * from bookings');

    for (const fk of parts.referencing) {
      await run(trx, `alter table ${fk.table} drop constraint ${quote(fk.name)}`);
    }
    // RESTRICT: a view or anything else built on the old table fails the conversion instead of vanishing.
    await run(trx, 'drop table bookings restrict');
    await run(trx, 'alter table bookings_partitioned rename to bookings');
    await run(trx, 'alter table bookings add constraint bookings_pkey primary key (booking_id, start_date)');
    for (const index of parts.indexes) await run(trx, index.definition);
    for (const fk of parts.foreignKeys) {
      await run(trx, `alter table bookings add constraint ${quote(fk.name)} ${fk.definition}`);
    }
    for (const trigger of parts.triggers) await run(trx, trigger.definition);
    for (const grant of parts.grants)
      await run(trx, `grant ${grant.privilege} on bookings to ${grant.grantee}`);

    await run(
      trx,
      `create table ${KEY_TABLE} (
         booking_id uuid primary key,
         user_id uuid not null,
         idempotency_key text not null,
         constraint bookings_idempotency_key unique (user_id, idempotency_key)
       )`,
    );
    await run(
      trx,
      `insert into ${KEY_TABLE} (booking_id, user_id, idempotency_key)
       select booking_id, user_id, idempotency_key from bookings`,
    );
    await createKeyTriggers(trx, schema);
    for (const fk of parts.referencing) {
      await run(trx, `alter table ${fk.table} add constraint ${quote(fk.name)} ${towardKeys(fk.definition)}`);
    }
    // Autovacuum never analyzes a partitioned parent; without this its plans start from no statistics.
    await run(trx, 'analyze bookings');
    await run(trx, `analyze ${KEY_TABLE}`);
    return plan;
  });
}

/**
 * The triggers that keep booking_keys in step with bookings. Names sort after bookings_set_updated_at, so
 * they see a row after every other BEFORE trigger has had its say.
 *
 * A row that moves between partitions (an UPDATE of start_date, or ensureBookingPartitions moving rows out
 * of the DEFAULT partition) is deleted from its old partition and inserted into the new one: the insert
 * trigger then finds its key with no bookings row behind it and keeps it, and the delete trigger (AFTER,
 * at the end of the statement) sees the row back in bookings and leaves its key alone.
 */
async function createKeyTriggers(trx: Transaction<DB>, schema: string): Promise<void> {
  const header = `returns trigger language plpgsql security definer set search_path = ${schema}, pg_temp`;
  await run(
    trx,
    `create function bookings_sync_keys_insert() ${header} as $$
     begin
       if exists (select 1 from ${KEY_TABLE} where booking_id = new.booking_id) then
         if not exists (select 1 from bookings where booking_id = new.booking_id) then
           update ${KEY_TABLE} set user_id = new.user_id, idempotency_key = new.idempotency_key
           where booking_id = new.booking_id;
           return new;
         end if;
       end if;
       -- 23505 on booking_keys_pkey (a booking_id taken) or bookings_idempotency_key (a key reused).
       insert into ${KEY_TABLE} (booking_id, user_id, idempotency_key)
       values (new.booking_id, new.user_id, new.idempotency_key);
       return new;
     end $$`,
  );
  await run(
    trx,
    `create function bookings_sync_keys_update() ${header} as $$
     begin
       -- A changed booking_id meets the referencing foreign keys (NO ACTION on update) here, as it did on bookings.
       update ${KEY_TABLE}
       set booking_id = new.booking_id, user_id = new.user_id, idempotency_key = new.idempotency_key
       where booking_id = old.booking_id;
       return new;
     end $$`,
  );
  await run(
    trx,
    `create function bookings_sync_keys_delete() ${header} as $$
     begin
       -- Deleting the key runs the foreign keys' ON DELETE actions: CASCADE to occupancy, 23503 for a payment.
       delete from ${KEY_TABLE} k
       where k.booking_id = old.booking_id
         and not exists (select 1 from bookings b where b.booking_id = old.booking_id);
       return null;
     end $$`,
  );
  await run(
    trx,
    `create function bookings_refuse_truncate() ${header} as $$
     begin
       if exists (select 1 from ${KEY_TABLE}) then
         raise exception 'cannot truncate bookings while booking_keys has rows'
           using errcode = 'feature_not_supported',
                 hint = 'TRUNCATE booking_keys CASCADE first (it empties the tables that reference bookings)';
       end if;
       return null;
     end $$`,
  );
  await run(
    trx,
    `create trigger bookings_sync_keys_insert before insert on bookings
     for each row execute function bookings_sync_keys_insert()`,
  );
  await run(
    trx,
    `create trigger bookings_sync_keys_update before update on bookings for each row
     when (old.booking_id is distinct from new.booking_id or old.user_id is distinct from new.user_id
           or old.idempotency_key is distinct from new.idempotency_key)
     execute function bookings_sync_keys_update()`,
  );
  await run(
    trx,
    `create trigger bookings_sync_keys_delete after delete on bookings
     for each row execute function bookings_sync_keys_delete()`,
  );
  await run(
    trx,
    `create trigger bookings_refuse_truncate before truncate on bookings
     for each statement execute function bookings_refuse_truncate()`,
  );
}

async function partitionsOf(db: Kysely<DB>): Promise<BookingPartition[]> {
  const { rows } = await sql<{ name: string; bound: string; rows: number }>`
    select c.relname as name, pg_get_expr(c.relpartbound, c.oid) as bound,
           greatest(c.reltuples, 0)::int8 as rows
    from pg_inherits i join pg_class c on c.oid = i.inhrelid
    where i.inhparent = 'bookings'::regclass
    order by c.relname
  `.execute(db);
  const partitions: BookingPartition[] = [];
  for (const row of rows) {
    if (row.bound === 'DEFAULT') {
      const counted = await countRows(db, sql`select 1 from ${sql.table(row.name)}`);
      partitions.push({ name: row.name, from: null, to: null, rows: counted });
      continue;
    }
    const match = /FROM \('([\d-]+)'\) TO \('([\d-]+)'\)/.exec(row.bound);
    if (!match?.[1] || !match[2]) throw new Error(`unexpected bound of ${row.name}: ${row.bound}`);
    partitions.push({ name: row.name, from: match[1], to: match[2], rows: row.rows });
  }
  return partitions.sort((a, b) => (a.from ?? '9999').localeCompare(b.from ?? '9999'));
}

/** Whether bookings is partitioned, and its partitions with their bounds and (estimated) sizes. */
export async function bookingLayoutStatus(db: Kysely<DB>): Promise<BookingLayoutStatus> {
  const kind = await relkind(db, PARTITIONED_TABLE);
  if (kind === 'r') {
    return { layout: 'unpartitioned', rows: await countRows(db, sql`select 1 from bookings`) };
  }
  if (kind !== 'p') throw new Error('there is no bookings table: migrate the database first');
  return { layout: 'partitioned', partitions: await partitionsOf(db) };
}

export interface EnsureResult {
  created: string[];
  /** Rows moved out of the DEFAULT partition into the partitions just created. */
  movedFromDefault: number;
}

/**
 * Creates the yearly partitions missing from the first one through `until`'s year ('YYYY-MM-DD'), in one
 * transaction — run it ahead of time (a yearly cron, or `partition-bookings ensure`), while the DEFAULT
 * partition holds nothing for those years, and it only creates empty tables. PostgreSQL refuses to create a
 * partition for rows the DEFAULT partition holds, so when it does hold some, the DEFAULT partition is
 * detached, the new partitions created, those rows moved into them (through bookings, so they land by
 * start_date; their keys stay, see createKeyTriggers) and out of the detached table, and it is attached
 * again. That holds ACCESS EXCLUSIVE on bookings while it copies those rows: another reason to create ahead.
 */
export async function ensureBookingPartitions(
  db: Kysely<DB>,
  until: string,
  options: Pick<ConversionOptions, 'lockTimeout'> = {},
): Promise<EnsureResult> {
  const untilYear = yearOf(until);
  return db.transaction().execute(async (trx) => {
    await setLockTimeout(trx, options.lockTimeout);
    if ((await relkind(trx, PARTITIONED_TABLE)) !== 'p') {
      throw new Error('bookings is not partitioned: run the conversion first');
    }
    await run(trx, 'lock table bookings in access exclusive mode');
    const partitions = await partitionsOf(trx);
    const yearly = partitions.filter((p) => p.from !== null).map((p) => yearOf(p.from ?? ''));
    const hasDefault = partitions.some((p) => p.name === DEFAULT_PARTITION);
    const first = yearly.length > 0 ? Math.min(...yearly) : untilYear;
    const missing: number[] = [];
    for (let year = first; year <= untilYear; year++) if (!yearly.includes(year)) missing.push(year);
    if (missing.length > MAX_PARTITIONS)
      throw new Error(`${missing.length} partitions missing: check the date`);
    if (missing.length === 0) return { created: [], movedFromDefault: 0 };

    const inMissingYears = sql.raw(
      missing
        .map((y) => `(start_date >= '${yearStart(y)}' and start_date < '${yearStart(y + 1)}')`)
        .join(' or '),
    );
    const stranded = hasDefault
      ? await countRows(trx, sql`select 1 from ${sql.table(DEFAULT_PARTITION)} where ${inMissingYears}`)
      : 0;
    if (stranded > 0) await run(trx, `alter table bookings detach partition ${DEFAULT_PARTITION}`);
    for (const year of missing) {
      await run(
        trx,
        `create table ${partitionName(year)} partition of bookings
         for values from ('${yearStart(year)}') to ('${yearStart(year + 1)}')`,
      );
    }
    if (stranded > 0) {
      await sql`insert into bookings select * from ${sql.table(DEFAULT_PARTITION)} where ${inMissingYears}`.execute(
        trx,
      );
      await sql`delete from ${sql.table(DEFAULT_PARTITION)} where ${inMissingYears}`.execute(trx);
      await run(trx, `alter table bookings attach partition ${DEFAULT_PARTITION} default`);
    }
    return { created: missing.map(partitionName), movedFromDefault: stranded };
  });
}
