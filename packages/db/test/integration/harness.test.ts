import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { useTestDatabase } from '../../src/testing/index.ts';

const { db } = await useTestDatabase();

describe('test database harness', () => {
  it('gives each file a migrated database of its own', async () => {
    const { rows } = await sql<{ name: string }>`select current_database() as name`.execute(db);
    expect(rows[0]?.name).toMatch(/^stayhub_t_/);
    const ext = await sql<{ extname: string }>`select extname from pg_extension order by extname`.execute(db);
    expect(ext.rows.map((r) => r.extname)).toEqual(expect.arrayContaining(['btree_gist', 'citext']));
  });

  it('keeps dates as strings and counts as numbers', async () => {
    const { rows } = await sql<{
      d: string;
      n: number;
    }>`select '2026-01-31'::date as d, count(*) as n from generate_series(1, 3)`.execute(db);
    expect(rows[0]).toEqual({ d: '2026-01-31', n: 3 });
  });
});
