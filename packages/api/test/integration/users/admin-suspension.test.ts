import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { startSession } from '../../../src/domain/auth/session.service.ts';
import { ManualClock } from '../../../src/infra/clock.ts';
import {
  type CallerRole,
  callerAs,
  callerFor,
  createSignedInUser,
  createUser,
  failureOf,
  useTestDeps,
} from '../../../src/testing/index.ts';

const clock = new ManualClock('2026-05-01T09:00:00.000Z');
const deps = await useTestDeps({ clock });
const adminUser = await createSignedInUser(deps, { role: 'admin' });
const admin = callerFor(deps, { token: adminUser.token });

const sessionsOf = (userId: string) =>
  deps.db.selectFrom('sessions').select(['session_id']).where('user_id', '=', userId).execute();

describe('admin.suspendUser', () => {
  it("suspends the account and the user's very next request fails, though their session was cached", async () => {
    const user = await createSignedInUser(deps, { role: 'host' });
    // Each call is a request of its own, with its own context.
    const userCaller = () => callerFor(deps, { token: user.token });
    expect((await userCaller().users.me()).status).toBe('active');

    const view = await admin.admin.suspendUser({ userId: user.userId, reason: '  Fraudulent listings ' });

    expect(view).toMatchObject({
      userId: user.userId,
      status: 'suspended',
      role: 'host',
      suspendedAt: clock.now(),
      suspensionReason: 'Fraudulent listings',
      lastSeenAt: null,
    });
    // The session row is gone, so the token is simply unknown now.
    expect(await failureOf(() => userCaller().users.me())).toMatchObject({
      code: 'UNAUTHORIZED',
      reason: 'UNAUTHENTICATED',
    });
    expect(await sessionsOf(user.userId)).toEqual([]);
  });

  it('deletes every session of the user and no one else’s', async () => {
    const user = await createSignedInUser(deps);
    const second = await startSession(deps, deps.db, user.userId, { ip: null, userAgent: 'phone' });
    const bystander = await createSignedInUser(deps);

    await admin.admin.suspendUser({ userId: user.userId, reason: 'Chargebacks' });

    expect(await failureOf(() => callerFor(deps, { token: second.token }).users.me())).toMatchObject({
      code: 'UNAUTHORIZED',
    });
    expect((await callerFor(deps, { token: bystander.token }).users.me()).userId).toBe(bystander.userId);
  });

  it('refuses a suspension without a reason (SPEC §10: every admin action takes one) and changes nothing', async () => {
    const user = await createUser(deps.db);
    // @ts-expect-error the SDK's types require the reason too
    const failure = await failureOf(() => admin.admin.suspendUser({ userId: user.userId }));
    expect(failure).toMatchObject({ code: 'BAD_REQUEST', fieldPaths: ['reason'] });
    expect((await admin.admin.users({ text: user.email })).items[0]).toMatchObject({ status: 'active' });
  });

  it('refuses to suspend the calling admin with FORBIDDEN CANNOT_SUSPEND_SELF', async () => {
    expect(
      await failureOf(() => admin.admin.suspendUser({ userId: adminUser.userId, reason: 'Chargebacks' })),
    ).toMatchObject({
      code: 'FORBIDDEN',
      reason: 'CANNOT_SUSPEND_SELF',
    });
    expect((await admin.users.me()).status).toBe('active');
  });

  it('refuses to suspend another admin with FORBIDDEN CANNOT_SUSPEND_ADMIN', async () => {
    const other = await createSignedInUser(deps, { role: 'admin' });
    expect(
      await failureOf(() => admin.admin.suspendUser({ userId: other.userId, reason: 'Chargebacks' })),
    ).toMatchObject({
      code: 'FORBIDDEN',
      reason: 'CANNOT_SUSPEND_ADMIN',
    });
    expect((await callerFor(deps, { token: other.token }).users.me()).status).toBe('active');
  });

  it('answers CONFLICT INVALID_TRANSITION for an account already suspended, keeping the first reason', async () => {
    const user = await createUser(deps.db);
    await admin.admin.suspendUser({ userId: user.userId, reason: 'first' });
    expect(
      await failureOf(() => admin.admin.suspendUser({ userId: user.userId, reason: 'second' })),
    ).toMatchObject({ code: 'CONFLICT', reason: 'INVALID_TRANSITION' });
    const { items } = await admin.admin.users({ text: user.email });
    expect(items[0]?.suspensionReason).toBe('first');
  });

  it('lets exactly one of two simultaneous suspensions win', async () => {
    const user = await createUser(deps.db);
    const otherAdmin = callerFor(deps, { token: (await createSignedInUser(deps, { role: 'admin' })).token });
    const results = await Promise.allSettled([
      admin.admin.suspendUser({ userId: user.userId, reason: 'one' }),
      otherAdmin.admin.suspendUser({ userId: user.userId, reason: 'two' }),
    ]);
    expect(results.map((result) => result.status).sort()).toEqual(['fulfilled', 'rejected']);
    const rejected = results.find((result): result is PromiseRejectedResult => result.status === 'rejected');
    expect(await failureOf(() => Promise.reject(rejected?.reason))).toMatchObject({
      code: 'CONFLICT',
      reason: 'INVALID_TRANSITION',
    });
  });

  it('answers NOT_FOUND for an unknown user', async () => {
    expect(
      await failureOf(() => admin.admin.suspendUser({ userId: randomUUID(), reason: 'Chargebacks' })),
    ).toMatchObject({
      code: 'NOT_FOUND',
      reason: 'NOT_FOUND',
    });
  });

  it.each([
    ['userId', { userId: 'not-a-uuid', reason: 'Chargebacks' }],
    ['reason', { userId: randomUUID(), reason: 'x'.repeat(501) }],
    ['reason', { userId: randomUUID(), reason: '   ' }],
  ])('refuses an invalid %s with BAD_REQUEST and its field path', async (path, input) => {
    const failure = await failureOf(() => admin.admin.suspendUser(input));
    expect(failure).toMatchObject({ code: 'BAD_REQUEST', reason: 'VALIDATION_FAILED' });
    expect(failure.fieldErrors?.map((field) => field.path)).toEqual([path]);
  });

  it.each<[CallerRole, string, string]>([
    ['anonymous', 'UNAUTHORIZED', 'UNAUTHENTICATED'],
    ['guest', 'FORBIDDEN', 'FORBIDDEN'],
    ['host', 'FORBIDDEN', 'FORBIDDEN'],
    ['suspended', 'UNAUTHORIZED', 'ACCOUNT_SUSPENDED'],
  ])('refuses a %s caller with %s %s and suspends no one', async (role, code, reason) => {
    const target = await createSignedInUser(deps);
    const { caller } = await callerAs(deps, role);
    expect(
      await failureOf(() => caller.admin.suspendUser({ userId: target.userId, reason: 'Chargebacks' })),
    ).toMatchObject({
      code,
      reason,
    });
    expect((await callerFor(deps, { token: target.token }).users.me()).status).toBe('active');
  });
});

describe('admin.reinstateUser', () => {
  it('reactivates the account: the user signs in again, and the old token stays dead', async () => {
    const user = await createSignedInUser(deps);
    await callerFor(deps, { token: user.token }).users.me();
    await admin.admin.suspendUser({ userId: user.userId, reason: 'spam' });

    const view = await admin.admin.reinstateUser({ userId: user.userId, reason: 'Appeal upheld' });

    expect(view).toMatchObject({
      userId: user.userId,
      status: 'active',
      suspendedAt: null,
      suspensionReason: null,
    });
    expect(await failureOf(() => callerFor(deps, { token: user.token }).users.me())).toMatchObject({
      code: 'UNAUTHORIZED',
      reason: 'UNAUTHENTICATED',
    });
    const fresh = await startSession(deps, deps.db, user.userId, { ip: null, userAgent: 'vitest' });
    expect(await callerFor(deps, { token: fresh.token }).users.me()).toMatchObject({
      userId: user.userId,
      status: 'active',
    });
  });

  it('ends sessions that outlived a suspension made outside the API instead of reviving them', async () => {
    const user = await createSignedInUser(deps, { status: 'suspended' });
    expect(await failureOf(() => callerFor(deps, { token: user.token }).users.me())).toMatchObject({
      reason: 'ACCOUNT_SUSPENDED',
    });

    await admin.admin.reinstateUser({ userId: user.userId, reason: 'Appeal upheld' });

    expect(await failureOf(() => callerFor(deps, { token: user.token }).users.me())).toMatchObject({
      code: 'UNAUTHORIZED',
      reason: 'UNAUTHENTICATED',
    });
    expect(await sessionsOf(user.userId)).toEqual([]);
  });

  it('answers CONFLICT INVALID_TRANSITION for an active account', async () => {
    const user = await createSignedInUser(deps);
    expect(
      await failureOf(() => admin.admin.reinstateUser({ userId: user.userId, reason: 'Appeal upheld' })),
    ).toMatchObject({
      code: 'CONFLICT',
      reason: 'INVALID_TRANSITION',
    });
    expect((await callerFor(deps, { token: user.token }).users.me()).status).toBe('active');
  });

  it('answers NOT_FOUND for an unknown user', async () => {
    expect(
      await failureOf(() => admin.admin.reinstateUser({ userId: randomUUID(), reason: 'Appeal upheld' })),
    ).toMatchObject({
      code: 'NOT_FOUND',
      reason: 'NOT_FOUND',
    });
  });

  it('refuses an id that is not a UUID with BAD_REQUEST on userId', async () => {
    const failure = await failureOf(() =>
      admin.admin.reinstateUser({ userId: 'nope', reason: 'Appeal upheld' }),
    );
    expect(failure).toMatchObject({ code: 'BAD_REQUEST', reason: 'VALIDATION_FAILED' });
    expect(failure.fieldErrors?.map((field) => field.path)).toEqual(['userId']);
  });

  it.each<[CallerRole, string, string]>([
    ['anonymous', 'UNAUTHORIZED', 'UNAUTHENTICATED'],
    ['guest', 'FORBIDDEN', 'FORBIDDEN'],
    ['host', 'FORBIDDEN', 'FORBIDDEN'],
    ['suspended', 'UNAUTHORIZED', 'ACCOUNT_SUSPENDED'],
  ])('refuses a %s caller with %s %s and reinstates no one', async (role, code, reason) => {
    const target = await createUser(deps.db, { status: 'suspended' });
    const { caller } = await callerAs(deps, role);
    expect(
      await failureOf(() => caller.admin.reinstateUser({ userId: target.userId, reason: 'Appeal upheld' })),
    ).toMatchObject({
      code,
      reason,
    });
    const row = await deps.db
      .selectFrom('users')
      .select(['status'])
      .where('user_id', '=', target.userId)
      .executeTakeFirstOrThrow();
    expect(row.status).toBe('suspended');
  });
});
