import pg from 'pg';

/**
 * Counts committed row writes in the test database: an AFTER INSERT/UPDATE/DELETE row trigger on every
 * table of schema public (and on graphile-worker's job table, so a queued job counts as a write) bumps a
 * counter row per table and operation in schema `fuzz`. The counter is updated inside the writing
 * transaction, so a transaction that rolls back leaves it as it was: only committed writes count.
 *
 * Session touches (an UPDATE of a session that changes only last_used_at/expires_at — the sliding expiry
 * every authenticated request may do before its input is even parsed) are counted under their own name,
 * `public.sessions:touch`, so the fuzz suite can tell them from real writes.
 */
const setup = `
  create schema if not exists fuzz;
  create table if not exists fuzz.writes (name text primary key, n bigint not null);
  create or replace function fuzz.count_write() returns trigger language plpgsql as $$
  declare
    op text := lower(tg_op);
  begin
    if tg_table_schema = 'public' and tg_table_name = 'sessions' and tg_op = 'UPDATE'
       and to_jsonb(old) - 'last_used_at' - 'expires_at' = to_jsonb(new) - 'last_used_at' - 'expires_at' then
      op := 'touch';
    end if;
    insert into fuzz.writes as w (name, n) values (tg_table_schema || '.' || tg_table_name || ':' || op, 1)
    on conflict (name) do update set n = w.n + 1;
    return null;
  end $$;
  do $$
  declare
    t record;
  begin
    for t in
      select n.nspname, c.relname from pg_class c join pg_namespace n on n.oid = c.relnamespace
      where ((n.nspname = 'public' and c.relkind in ('r', 'p') and not c.relispartition)
          or (n.nspname = 'graphile_worker' and c.relname = '_private_jobs'))
    loop
      execute format('drop trigger if exists fuzz_count_write on %I.%I', t.nspname, t.relname);
      execute format(
        'create trigger fuzz_count_write after insert or update or delete on %I.%I '
        'for each row execute function fuzz.count_write()', t.nspname, t.relname);
    end loop;
  end $$;
`;

export type WriteCounts = ReadonlyMap<string, number>;

export interface WriteCounter {
  /** Committed writes so far, by `schema.table:op`. */
  read(): Promise<WriteCounts>;
  close(): Promise<void>;
}

/** Installs the triggers in the database at `databaseUrl` (a test file's own clone) and reads them. */
export async function installWriteCounter(databaseUrl: string): Promise<WriteCounter> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  await client.query(setup);
  return {
    async read() {
      const { rows } = await client.query<{ name: string; n: string }>('select name, n from fuzz.writes');
      return new Map(rows.map((row) => [row.name, Number(row.n)]));
    },
    close: () => client.end(),
  };
}

/** What was written between two readings: `schema.table:op` → writes. */
export function writesBetween(before: WriteCounts, after: WriteCounts): Map<string, number> {
  const grown = new Map<string, number>();
  for (const [name, n] of after) {
    const delta = n - (before.get(name) ?? 0);
    if (delta > 0) grown.set(name, delta);
  }
  return grown;
}
