import { generate, PostgresDialect } from 'kysely-codegen';

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
  const db = await dialect.introspector.connect({ connectionString: url, dialect });
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
  }
}
