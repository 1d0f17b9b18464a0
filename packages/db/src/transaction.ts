import { type Kysely, Transaction } from 'kysely';
import type { DB } from './types.generated.ts';

/** Anything that runs queries: the pool-backed Kysely or an open transaction. Queries take it first. */
export type Executor = Kysely<DB> | Transaction<DB>;

/**
 * Runs `fn` in a transaction. An executor that is already a transaction is reused, so services compose
 * (one use case calling another stays one transaction) and tests can wrap a whole case in one.
 */
export function inTransaction<T>(executor: Executor, fn: (trx: Transaction<DB>) => Promise<T>): Promise<T> {
  if (executor instanceof Transaction) return fn(executor);
  return executor.transaction().execute(fn);
}
