import { randomBytes } from 'node:crypto';
import { inTransaction } from '@stayhub/db';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { containsPattern } from '../../../src/domain/shared/like-pattern.ts';
import { adminUserListQuery } from '../../../src/domain/users/user-admin.queries.ts';
import {
  type CallerRole,
  callerAs,
  createSignedInUser,
  createUser,
  failureOf,
  useTestDeps,
} from '../../../src/testing/index.ts';

const deps = await useTestDeps();
const { caller: admin } = await callerAs(deps, 'admin');

/** A marker no other test's rows contain, so a search sees only this test's users. */
const marker = () => `m${randomBytes(5).toString('hex')}`;

async function allPages(input: { text: string; limit: number }) {
  const pages = [];
  let cursor: string | null = null;
  do {
    const page = await admin.admin.users({ ...input, cursor });
    pages.push(page);
    cursor = page.nextCursor;
  } while (cursor !== null && pages.length < 50);
  return pages;
}

describe('admin.users', () => {
  it('returns every matching user exactly once across pages, newest first', async () => {
    const tag = marker();
    const ids: string[] = [];
    // Ten users created at the very same instant (order falls back to user_id), eight within one
    // millisecond (only microseconds apart: a cursor through a JS Date would lose them), seven now().
    for (let i = 0; i < 10; i += 1) {
      ids.push(
        (await createUser(deps.db, { last_name: tag, created_at: '2025-06-01T12:00:00.000000Z' })).userId,
      );
    }
    for (let i = 0; i < 8; i += 1) {
      const createdAt = `2025-06-01T12:00:00.12340${i}Z`;
      ids.push((await createUser(deps.db, { last_name: tag, created_at: createdAt })).userId);
    }
    for (let i = 0; i < 7; i += 1) ids.push((await createUser(deps.db, { last_name: tag })).userId);

    const pages = await allPages({ text: tag, limit: 7 });

    expect(pages.map((page) => page.items.length)).toEqual([7, 7, 7, 4]);
    expect(pages.at(-1)?.nextCursor).toBeNull();
    const seen = pages.flatMap((page) => page.items.map((item) => item.userId));
    expect(seen).toHaveLength(25);
    expect(new Set(seen)).toEqual(new Set(ids));

    const ordered = await deps.db
      .selectFrom('users')
      .select(['user_id'])
      .where('last_name', '=', tag)
      .orderBy('created_at', 'desc')
      .orderBy('user_id', 'desc')
      .execute();
    expect(seen).toEqual(ordered.map((row) => row.user_id));
  });

  it('gives no next cursor when a page holds the last match exactly', async () => {
    const tag = marker();
    for (let i = 0; i < 3; i += 1) await createUser(deps.db, { first_name: tag });
    const page = await admin.admin.users({ text: tag, limit: 3 });
    expect(page.items).toHaveLength(3);
    expect(page.nextCursor).toBeNull();
  });

  it('lists 20 users by default, with no input at all', async () => {
    for (let i = 0; i < 21; i += 1) await createUser(deps.db);
    const page = await admin.admin.users();
    expect(page.items).toHaveLength(20);
    expect(page.nextCursor).not.toBeNull();
  });

  it('matches email, first and last name case-insensitively, anywhere in the value', async () => {
    const tag = marker();
    const byEmail = await createUser(deps.db, { email: `Mixed.${tag.toUpperCase()}@Example.test` });
    const byFirst = await createUser(deps.db, { first_name: `Zoe${tag.toUpperCase()}x` });
    const byLast = await createUser(deps.db, { last_name: `de ${tag}` });
    await createUser(deps.db, { first_name: 'Unrelated' });

    const page = await admin.admin.users({ text: tag.toLowerCase() });

    expect(new Set(page.items.map((item) => item.userId))).toEqual(
      new Set([byEmail.userId, byFirst.userId, byLast.userId]),
    );
  });

  it('treats % and _ (and backslash) in the text as themselves, not as wildcards', async () => {
    const tag = marker();
    const percent = await createUser(deps.db, { last_name: `${tag}%off` });
    await createUser(deps.db, { last_name: `${tag}Xoff` });
    const underscore = await createUser(deps.db, { last_name: `${tag}_y` });
    await createUser(deps.db, { last_name: `${tag}Zy` });
    const backslash = await createUser(deps.db, { last_name: `${tag}\\z` });
    await createUser(deps.db, { last_name: `${tag}z` });

    const ids = async (text: string) => (await admin.admin.users({ text })).items.map((item) => item.userId);

    expect(await ids(`${tag}%o`)).toEqual([percent.userId]);
    expect(await ids(`${tag}_y`)).toEqual([underscore.userId]);
    expect(await ids(`${tag}\\z`)).toEqual([backslash.userId]);
    expect(await ids(`${tag}%`)).toEqual([percent.userId]);
  });

  it('ignores a blank text and filters by role and status', async () => {
    const tag = marker();
    const guest = await createUser(deps.db, { last_name: tag });
    const host = await createUser(deps.db, { last_name: tag, role: 'host' });
    const suspended = await createUser(deps.db, { last_name: tag, role: 'host', status: 'suspended' });
    const ids = async (input: Parameters<typeof admin.admin.users>[0]) =>
      (await admin.admin.users(input)).items.map((item) => item.userId);

    expect(await ids({ text: tag, role: 'host' })).toEqual([suspended.userId, host.userId]);
    expect(await ids({ text: tag, status: 'active' })).toEqual([host.userId, guest.userId]);
    expect(await ids({ text: tag, role: 'host', status: 'suspended' })).toEqual([suspended.userId]);
    expect((await admin.admin.users({ text: '   ', limit: 100 })).items.length).toBeGreaterThan(3);
  });

  it('shows what the user sees plus when they were last seen and why they were suspended', async () => {
    const user = await createSignedInUser(deps, {
      last_name: marker(),
      phone_number: '+351912345678',
    });
    const lastUsedAt = new Date('2026-03-01T10:00:00.000Z');
    await deps.db
      .updateTable('sessions')
      .set({ last_used_at: lastUsedAt })
      .where('user_id', '=', user.userId)
      .execute();
    const { items } = await admin.admin.users({ text: user.email });
    expect(items).toEqual([
      {
        userId: user.userId,
        email: user.email,
        firstName: 'Test',
        lastName: expect.any(String),
        phoneNumber: '+351912345678',
        role: 'guest',
        status: 'active',
        bio: null,
        avatarUrl: null,
        emailVerifiedAt: null,
        createdAt: expect.any(Date),
        lastSeenAt: lastUsedAt,
        suspendedAt: null,
        suspensionReason: null,
      },
    ]);
    const neverSeen = await createUser(deps.db);
    expect((await admin.admin.users({ text: neverSeen.email })).items[0]?.lastSeenAt).toBeNull();
  });

  it.each([
    ['not base64 JSON', 'definitely-not-a-cursor'],
    ['the wrong shape', Buffer.from(JSON.stringify({ c: 'yesterday', u: 'x' })).toString('base64url')],
  ])('refuses a cursor that is %s with BAD_REQUEST on cursor', async (_, cursor) => {
    const failure = await failureOf(() => admin.admin.users({ cursor }));
    expect(failure).toMatchObject({ code: 'BAD_REQUEST', reason: 'INVALID_CURSOR' });
    expect(failure.fieldErrors?.map((field) => field.path)).toEqual(['cursor']);
  });

  it.each([0, 101, 2.5])('refuses limit %s with BAD_REQUEST on limit', async (limit) => {
    const failure = await failureOf(() => admin.admin.users({ limit }));
    expect(failure).toMatchObject({ code: 'BAD_REQUEST', reason: 'VALIDATION_FAILED' });
    expect(failure.fieldErrors?.map((field) => field.path)).toEqual(['limit']);
  });

  it.each<[CallerRole, string, string]>([
    ['anonymous', 'UNAUTHORIZED', 'UNAUTHENTICATED'],
    ['guest', 'FORBIDDEN', 'FORBIDDEN'],
    ['host', 'FORBIDDEN', 'FORBIDDEN'],
    ['suspended', 'UNAUTHORIZED', 'ACCOUNT_SUSPENDED'],
  ])('refuses a %s caller with %s %s', async (role, code, reason) => {
    const { caller } = await callerAs(deps, role);
    expect(await failureOf(() => caller.admin.users({}))).toMatchObject({ code, reason });
  });
});

describe('admin user list query plan', () => {
  /** EXPLAIN of the page query with sequential scans off, so the plan shows which index can serve it. */
  async function plan(filter: Parameters<typeof adminUserListQuery>[1], settings: string[]) {
    return inTransaction(deps.db, async (trx) => {
      for (const setting of settings) await sql.raw(`SET LOCAL ${setting} = off`).execute(trx);
      const rows = await adminUserListQuery(trx, filter).explain();
      return rows.map((row) => String(row['QUERY PLAN'])).join('\n');
    });
  }

  it('walks users_newest_idx for the newest-first order, cursor included in the index condition', async () => {
    const first = await plan({ limit: 21 }, ['enable_seqscan']);
    expect(first).toContain('users_newest_idx');
    expect(first).not.toMatch(/\bSort\b/);
    const cursor = {
      at: '2026-01-01T00:00:00.000000Z',
      id: '00000000-0000-4000-8000-000000000000',
    };
    const next = await plan({ limit: 21, after: cursor }, ['enable_seqscan']);
    expect(next).toMatch(
      /Index Scan using users_newest_idx[\s\S]*Index Cond: \(ROW\(created_at, user_id\) </,
    );
  });

  it('can answer the text search from the trigram indexes', async () => {
    const text = await plan({ limit: 21, pattern: containsPattern('silva') }, [
      'enable_seqscan',
      'enable_indexscan',
    ]);
    for (const index of ['users_email_trgm_idx', 'users_first_name_trgm_idx', 'users_last_name_trgm_idx']) {
      expect(text).toContain(index);
    }
  });
});
