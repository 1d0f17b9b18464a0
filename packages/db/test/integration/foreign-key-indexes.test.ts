import { type Kysely, sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { useTestDatabase } from '../../src/testing/index.ts';
import type { DB } from '../../src/types.generated.ts';

const { db } = await useTestDatabase();

/**
 * Foreign keys in the public schema with no index whose leading columns are exactly the key's columns
 * (in any order). Without one, a delete or key update on the referenced row scans the whole table, and
 * joins along the key cannot use an index. Partial indexes do not count: they do not cover every row.
 */
async function unindexedForeignKeys(executor: Kysely<DB>) {
  const { rows } = await sql<{ table_name: string; constraint_name: string; columns: string }>`
    SELECT c.conrelid::regclass::text AS table_name,
           c.conname AS constraint_name,
           (SELECT string_agg(a.attname, ', ' ORDER BY k.ord)
              FROM unnest(c.conkey) WITH ORDINALITY AS k(attnum, ord)
              JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.attnum) AS columns
      FROM pg_constraint c
     WHERE c.contype = 'f'
       AND c.connamespace = 'public'::regnamespace
       AND NOT EXISTS (
             SELECT 1
               FROM pg_index i
              WHERE i.indrelid = c.conrelid
                AND i.indpred IS NULL
                AND i.indisvalid
                AND (string_to_array(i.indkey::text, ' ')::int2[])[1:cardinality(c.conkey)] @> c.conkey
                AND (string_to_array(i.indkey::text, ' ')::int2[])[1:cardinality(c.conkey)] <@ c.conkey
           )
     ORDER BY 1, 2
  `.execute(executor);
  return rows.map((r) => `${r.table_name}.${r.constraint_name} (${r.columns})`);
}

describe('foreign key indexes', () => {
  it('covers every foreign key column with an index led by that column', async () => {
    const { rows } = await sql<{ n: number }>`
      SELECT count(*) AS n FROM pg_constraint WHERE contype = 'f' AND connamespace = 'public'::regnamespace
    `.execute(db);
    expect(rows[0]?.n).toBeGreaterThan(20);
    expect(await unindexedForeignKeys(db), 'add an index led by these foreign key columns').toEqual([]);
  });

  it('flags a foreign key that only a partial index or a later index column covers', async () => {
    const rollback = new Error('rollback');
    const found = db.transaction().execute(async (trx) => {
      await sql`
        CREATE TABLE fk_probe (
          probe_id int PRIMARY KEY,
          user_id uuid REFERENCES users (user_id),
          property_id uuid REFERENCES properties (property_id)
        )
      `.execute(trx);
      await sql`CREATE INDEX ON fk_probe (user_id) WHERE user_id IS NOT NULL`.execute(trx);
      await sql`CREATE INDEX ON fk_probe (probe_id, property_id)`.execute(trx);
      expect(await unindexedForeignKeys(trx)).toEqual([
        'fk_probe.fk_probe_property_id_fkey (property_id)',
        'fk_probe.fk_probe_user_id_fkey (user_id)',
      ]);
      await sql`CREATE INDEX ON fk_probe (user_id, probe_id)`.execute(trx);
      expect(await unindexedForeignKeys(trx)).toEqual(['fk_probe.fk_probe_property_id_fkey (property_id)']);
      throw rollback;
    });
    await expect(found).rejects.toBe(rollback);
  });
});
