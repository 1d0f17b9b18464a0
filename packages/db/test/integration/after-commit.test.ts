import { randomUUID } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import { describe, expect, it } from 'vitest';
import { AfterCommitError, afterCommit, type Executor, inTransaction } from '../../src/index.ts';
import { useTestDatabase } from '../../src/testing/index.ts';
import type { DB } from '../../src/types.generated.ts';
import { insertUser } from './rows.ts';

const { db } = await useTestDatabase();

/** Whether the user is visible from the pool, i.e. to every other connection: committed. */
async function committed(email: string): Promise<boolean> {
  const row = await db.selectFrom('users').select('user_id').where('email', '=', email).executeTakeFirst();
  return row !== undefined;
}

const newEmail = () => `after-commit-${randomUUID()}@example.com`;

/** A service that owns its transaction and registers work for after the commit, as the domain's do. */
async function createUserService(executor: Executor, email: string, calls: string[]): Promise<void> {
  await inTransaction(executor, async (trx) => {
    await insertUser(trx, { email });
    await afterCommit(trx, async (pool) => {
      const visible = await pool
        .selectFrom('users')
        .select('user_id')
        .where('email', '=', email)
        .executeTakeFirst();
      calls.push(visible ? `committed ${email}` : `NOT committed ${email}`);
    });
  });
}

describe('afterCommit on a transaction opened by inTransaction', () => {
  it('runs the callback once, after the commit, before inTransaction resolves', async () => {
    const email = newEmail();
    const calls: string[] = [];
    await createUserService(db, email, calls);
    expect(calls).toEqual([`committed ${email}`]);
  });

  it('defers an inner service to the outer commit: nothing has run when the inner one returns', async () => {
    const inner = newEmail();
    const calls: string[] = [];
    await inTransaction(db, async (trx) => {
      await createUserService(trx, inner, calls);
      expect(calls).toEqual([]);
      expect(await committed(inner)).toBe(false);
      await insertUser(trx, { email: newEmail() });
    });
    expect(calls).toEqual([`committed ${inner}`]);
  });

  it('runs none of the callbacks when the outer transaction rolls back after an inner one registered', async () => {
    const inner = newEmail();
    const calls: string[] = [];
    await expect(
      inTransaction(db, async (trx) => {
        await createUserService(trx, inner, calls);
        await afterCommit(trx, () => {
          calls.push('outer');
        });
        throw new Error('the outer use case fails');
      }),
    ).rejects.toThrow('the outer use case fails');
    expect(calls).toEqual([]);
    expect(await committed(inner)).toBe(false);
  });

  it('runs the callbacks in registration order, across nesting levels, each awaited', async () => {
    const calls: string[] = [];
    const slowly = (label: string) => async () => {
      await new Promise((resolve) => setTimeout(resolve, 20));
      calls.push(label);
    };
    await inTransaction(db, async (outer) => {
      await afterCommit(outer, slowly('first'));
      await inTransaction(outer, async (inner) => {
        await afterCommit(inner, slowly('second'));
        await inTransaction(inner, (innermost) => afterCommit(innermost, slowly('third')));
      });
      await afterCommit(outer, () => {
        calls.push('fourth');
      });
    });
    expect(calls).toEqual(['first', 'second', 'third', 'fourth']);
  });

  it('hands the callback the executor the transaction was opened on, usable after the commit', async () => {
    const seen: Kysely<DB>[] = [];
    await inTransaction(db, (trx) =>
      afterCommit(trx, (pool) => {
        seen.push(pool);
      }),
    );
    expect(seen).toEqual([db]);
  });

  it('runs every callback even when one fails, then rejects with all the failures; the change stays committed', async () => {
    const email = newEmail();
    const calls: string[] = [];
    const first = new Error('the cache is gone');
    const third = new Error('so is the bus');
    const outcome = inTransaction(db, async (trx) => {
      await insertUser(trx, { email });
      await afterCommit(trx, () => {
        throw first;
      });
      await afterCommit(trx, () => {
        calls.push('second');
      });
      await afterCommit(trx, () => Promise.reject(third));
      await afterCommit(trx, () => {
        calls.push('fourth');
      });
      return 'result';
    });
    const error = await outcome.then(
      () => undefined,
      (reason: unknown) => reason,
    );
    expect(error).toBeInstanceOf(AfterCommitError);
    expect(error).toMatchObject({
      errors: [first, third],
      cause: first,
      message:
        'the transaction committed, but 2 after-commit callback(s) failed; the first: the cache is gone',
    });
    expect(calls).toEqual(['second', 'fourth']);
    expect(await committed(email)).toBe(true);
  });
});

describe('afterCommit elsewhere', () => {
  it('runs at once on a plain Kysely: each statement on it has already committed', async () => {
    const email = newEmail();
    await insertUser(db, { email });
    const calls: string[] = [];
    await afterCommit(db, async (pool) => {
      calls.push((await committed(email)) && pool === db ? 'ran on the pool' : 'wrong');
    });
    expect(calls).toEqual(['ran on the pool']);
  });

  it('propagates a failure at once on a plain Kysely', async () => {
    await expect(
      afterCommit(db, () => {
        throw new Error('no cache');
      }),
    ).rejects.toThrow('no cache');
  });

  it('refuses a transaction that inTransaction did not open, where the callback would never run', async () => {
    const calls: string[] = [];
    await expect(
      db.transaction().execute((trx) =>
        afterCommit(trx, () => {
          calls.push('never');
        }),
      ),
    ).rejects.toThrow('afterCommit needs a transaction opened by inTransaction');
    // inTransaction reuses such a transaction, so a service inside it is refused the same way.
    await expect(
      db.transaction().execute((trx) => createUserService(trx, newEmail(), calls)),
    ).rejects.toThrow('afterCommit needs a transaction opened by inTransaction');
    expect(calls).toEqual([]);
  });

  it('refuses a transaction that has already finished', async () => {
    let finished: Transaction<DB> | undefined;
    await inTransaction(db, async (trx) => {
      finished = trx;
    });
    if (!finished) throw new Error('inTransaction did not run its function');
    const late = finished;
    await expect(afterCommit(late, () => undefined)).rejects.toThrow(
      'afterCommit needs a transaction opened by inTransaction',
    );
  });
});
