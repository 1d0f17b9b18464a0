import { generate, PostgresDialect } from 'kysely-codegen';
import pg from 'pg';

/** Where the generated `DB` types live (committed; `pnpm db:codegen` rewrites it). */
export const generatedTypesFile = new URL('./types.generated.ts', import.meta.url);

/**
 * The `DB` types of the migrated database at `url`, as kysely-codegen prints them. Column types mirror
 * the pool's runtime parsers (pool.ts): `date` is a 'YYYY-MM-DD' string, `int8` and `numeric` are
 * numbers, timestamps are `Date`s; enums are string unions. Only our own tables: graphile-worker's
 * schema and Kysely's migration tables are left out. The output is deterministic (sorted), so the drift
 * test compares it byte for byte.
 *
 * kysely-codegen opens its own connection: it is CommonJS and types its `Kysely` from kysely's CJS
 * build, which TypeScript does not accept in place of our ESM `Kysely`.
 */
export async function generateDbTypes(url: string): Promise<string> {
  const dialect = new PostgresDialect({ dateParser: 'string', numericParser: 'number' });
  const tagged = new URL(url);
  tagged.searchParams.set('application_name', CODEGEN_APPLICATION);
  const db = await dialect.introspector.connect({ connectionString: tagged.toString(), dialect });
  try {
    return await generate({
      db,
      dialect,
      defaultSchemas: ['public'],
      includePattern: 'public.*',
      excludePattern: 'public.kysely_migration*',
      typeMapping: { int8: 'number' },
      // The generated daterange column can only be read.
      overrides: { columns: { 'occupancy.during': 'GeneratedAlways<string>' } },
      customImports: { GeneratedAlways: 'kysely' },
      outFile: null,
    });
  } finally {
    await db.destroy();
    await untilDisconnected(url);
  }
}

const CODEGEN_APPLICATION = 'stayhub-codegen';

/**
 * kysely-codegen's pool has no error listener and its destroy() resolves before the server has closed the
 * backend. Dropping the database in that gap (tests drop WITH (FORCE)) would kill the closing connection
 * and crash the process with an unhandled 57P01, so wait until the server no longer lists it.
 */
async function untilDisconnected(url: string, timeoutMs = 5_000): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  client.on('error', () => {});
  await client.connect();
  try {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      const { rows } = await client.query<{ n: number }>(
        'select count(*)::int as n from pg_stat_activity where application_name = $1 and datname = current_database()',
        [CODEGEN_APPLICATION],
      );
      if ((rows[0]?.n ?? 0) === 0) return;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  } finally {
    await client.end();
  }
}
