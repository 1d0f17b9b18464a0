import { Kysely, PostgresDialect, type PostgresPool } from 'kysely';
import pg from 'pg';
import type { DB } from './types.generated.ts';

const OID = { int8: 20, date: 1082, numeric: 1700 } as const;

function toSafeNumber(text: string): number {
  const value = Number(text);
  if (!Number.isSafeInteger(Math.trunc(value))) {
    throw new RangeError(`value ${text} does not fit a JavaScript number`);
  }
  return value;
}

/**
 * Per-pool type parsers (never pg's global registry, so other pg users in the process are untouched):
 * stay dates stay 'YYYY-MM-DD' strings (SPEC §3: never through a JS Date); count(*)/bigint and numeric
 * become numbers, and a bigint too large for a number fails loudly instead of losing precision.
 */
export const typeParsers: pg.CustomTypesConfig = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') => {
    if (oid === OID.date) return (value: string) => value;
    if (oid === OID.int8) return toSafeNumber;
    if (oid === OID.numeric) return (value: string) => Number(value);
    return pg.types.getTypeParser(oid, format);
  }) as pg.CustomTypesConfig['getTypeParser'],
};

export interface PoolOptions {
  connectionString: string;
  max?: number;
  applicationName?: string;
  /** Called when an idle connection fails (the pool drops it and reconnects on demand). */
  onError?: (error: Error) => void;
}

const warnOnStderr = (error: Error) =>
  process.stderr.write(`idle PostgreSQL connection failed: ${error.message}\n`);

export function createPool({
  connectionString,
  max = 10,
  applicationName = 'stayhub',
  onError = warnOnStderr,
}: PoolOptions): pg.Pool {
  const pool = new pg.Pool({
    connectionString,
    max,
    application_name: applicationName,
    types: typeParsers,
    idleTimeoutMillis: 30_000,
  });
  // Without a listener, one failed idle connection would crash the process.
  pool.on('error', onError);
  pool.on('connect', (client) => client.on('error', onError));
  return pool;
}

/** Over a pool of its own, or over any pool-like `connect`/`end` (the worker's pool shares one, gated-pool.ts). */
export function createDb(options: PoolOptions | { pool: PostgresPool }): Kysely<DB> {
  const pool = 'pool' in options ? options.pool : createPool(options);
  return new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
}
