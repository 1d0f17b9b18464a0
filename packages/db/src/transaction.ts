import { type Kysely, Transaction } from 'kysely';
import type { DB } from './types.generated.ts';

/** Anything that runs queries: the pool-backed Kysely or an open transaction. Queries take it first. */
export type Executor = Kysely<DB> | Transaction<DB>;

/**
 * Work to do once a change is durable (cache invalidation, publishing an event). It gets the executor
 * the transaction was opened on, never the transaction itself: by the time it runs, that one is done.
 */
export type AfterCommitCallback = (db: Kysely<DB>) => Promise<void> | void;

interface OpenTransaction {
  db: Kysely<DB>;
  callbacks: AfterCommitCallback[];
}

/**
 * The transactions `inTransaction` opened and has not finished, each with its callbacks. Keyed by the
 * Kysely `Transaction` object itself, which is what services pass around, so nested services find the
 * outermost one without any extra argument; weak, so a forgotten transaction holds nothing.
 */
const openTransactions = new WeakMap<Transaction<DB>, OpenTransaction>();

/**
 * One or more after-commit callbacks failed. The transaction HAS committed: the change is durable, only
 * the follow-up work (see `errors`) did not happen, or not all of it.
 */
export class AfterCommitError extends AggregateError {
  constructor(errors: readonly unknown[]) {
    const first = errors[0] instanceof Error ? errors[0].message : String(errors[0]);
    super(
      errors,
      `the transaction committed, but ${errors.length} after-commit callback(s) failed; the first: ${first}`,
      { cause: errors[0] },
    );
    this.name = 'AfterCommitError';
  }
}

/**
 * Runs `fn` in a transaction. An executor that is already a transaction is reused, so services compose
 * (one use case calling another stays one transaction) and tests can wrap a whole case in one.
 *
 * When this call opened the transaction, the callbacks registered on it with `afterCommit` — by `fn` or
 * by any service it calls — run after the commit, once each, in registration order, one after another,
 * and are awaited before this resolves: the caller's next read sees what they did (a fresh cache). On
 * rollback they are dropped. A failing callback does not stop the ones after it; once all have run, the
 * failures are thrown together as an `AfterCommitError`. Throwing rather than only logging: a callback
 * that fails is a bug (the cache already turns outages into misses), and a silently stale cache is worse
 * than a loud error that says the change itself is committed.
 */
export async function inTransaction<T>(
  executor: Executor,
  fn: (trx: Transaction<DB>) => Promise<T>,
): Promise<T> {
  if (executor instanceof Transaction) return fn(executor);
  const open: OpenTransaction = { db: executor, callbacks: [] };
  let opened: Transaction<DB> | undefined;
  let result: T;
  try {
    result = await executor.transaction().execute((trx) => {
      opened = trx;
      openTransactions.set(trx, open);
      return fn(trx);
    });
  } finally {
    // Finished either way: a late afterCommit on it would never run, so it must throw.
    if (opened) openTransactions.delete(opened);
  }
  await runCallbacks(open);
  return result;
}

async function runCallbacks({ db, callbacks }: OpenTransaction): Promise<void> {
  const errors: unknown[] = [];
  for (const callback of callbacks) {
    try {
      await callback(db);
    } catch (error) {
      errors.push(error);
    }
  }
  if (errors.length > 0) throw new AfterCommitError(errors);
}

/**
 * Runs `fn` once the change made on `executor` is committed (STYLE "After commit"):
 *  - a transaction opened by `inTransaction` (at any depth of nesting): when the outermost one commits,
 *    never on rollback;
 *  - a plain `Kysely`: at once, since each statement on it has already committed on its own;
 *  - any other transaction (`db.transaction().execute`, `startTransaction`, `withPlugin` copies, one that
 *    has finished): throws, since nothing would ever run `fn` and the work would be silently lost.
 */
export async function afterCommit(executor: Executor, fn: AfterCommitCallback): Promise<void> {
  if (!(executor instanceof Transaction)) {
    await fn(executor);
    return;
  }
  const open = openTransactions.get(executor);
  if (!open) {
    throw new Error(
      'afterCommit needs a transaction opened by inTransaction (this one is foreign or already finished)',
    );
  }
  open.callbacks.push(fn);
}
