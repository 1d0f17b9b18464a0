import { type Expression, type ExpressionBuilder, type SqlBool, sql } from 'kysely';
import type { KeysetPosition } from './keyset-cursor.ts';

/** A timestamptz as a cursor carries it: UTC with microseconds. */
export function timestampKey(column: Expression<Date | null>) {
  return sql<string>`to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;
}

/**
 * Rows strictly after `after` in (timestamp DESC, id ASC) order — the order of the (…, timestamp DESC, id)
 * indexes the lists use: an earlier timestamp, or the same one and a greater id.
 */
export function afterPosition<DB, TB extends keyof DB>(
  eb: ExpressionBuilder<DB, TB>,
  timestamp: Expression<Date | null>,
  id: Expression<string>,
  after: KeysetPosition,
): Expression<SqlBool> {
  const at = sql<Date>`${after.at}::timestamptz`;
  return eb.or([
    eb(timestamp, '<', at),
    eb.and([eb(timestamp, '=', at), eb(id, '>', sql<string>`${after.id}::uuid`)]),
  ]);
}
