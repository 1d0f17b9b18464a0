import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { startSession } from '../../../src/domain/auth/session.service.ts';
import {
  type CallerRole,
  callerAs,
  callerFor,
  createSignedInUser,
  createUser,
  failureOf,
  useTestDeps,
} from '../../../src/testing/index.ts';
import { createContextInner } from '../../../src/trpc/context.ts';
import { createCallerFactory, router } from '../../../src/trpc/init.ts';
import { hostProcedure } from '../../../src/trpc/procedures.ts';

const deps = await useTestDeps();

/** A host-only procedure on the real base: what a host's next request (properties.create…) goes through. */
const hostOnly = createCallerFactory(
  router({ whoami: hostProcedure.output(z.string()).query(({ ctx }) => ctx.viewer.role) }),
);
const hostCheck = (token: string) => hostOnly(createContextInner({ deps, token })).whoami();

describe('users.me', () => {
  it("returns the caller's own account, email and phone included", async () => {
    const user = await createSignedInUser(deps, {
      first_name: 'Ana',
      last_name: 'Silva',
      phone_number: '+351912345678',
    });
    const me = await callerFor(deps, { token: user.token }).users.me();
    expect(me).toMatchObject({
      userId: user.userId,
      email: user.email,
      firstName: 'Ana',
      lastName: 'Silva',
      phoneNumber: '+351912345678',
      role: 'guest',
      status: 'active',
      bio: null,
      avatarUrl: null,
      emailVerifiedAt: null,
    });
    expect(me.createdAt).toBeInstanceOf(Date);
  });

  it.each<[CallerRole, string | null]>([
    ['anonymous', 'UNAUTHENTICATED'],
    ['guest', null],
    ['host', null],
    ['admin', null],
    ['suspended', 'ACCOUNT_SUSPENDED'],
  ])('answers a %s caller with %s', async (role, reason) => {
    const { caller, userId } = await callerAs(deps, role);
    if (reason === null) {
      expect((await caller.users.me()).userId).toBe(userId);
    } else {
      expect(await failureOf(() => caller.users.me())).toMatchObject({ code: 'UNAUTHORIZED', reason });
    }
  });
});

describe('users.updateProfile', () => {
  it('changes only the fields sent and returns the new view', async () => {
    const user = await createSignedInUser(deps, { first_name: 'Ana', last_name: 'Silva', bio: 'Hello' });
    const me = await callerFor(deps, { token: user.token }).users.updateProfile({
      firstName: '  Beatriz ',
      phoneNumber: '+351 912-345-678',
      avatarUrl: 'https://cdn.example.test/a.png',
    });
    expect(me).toMatchObject({
      firstName: 'Beatriz',
      lastName: 'Silva',
      phoneNumber: '+351912345678',
      bio: 'Hello',
      avatarUrl: 'https://cdn.example.test/a.png',
      email: user.email,
    });
    expect(await callerFor(deps, { token: user.token }).users.me()).toEqual(me);
  });

  it('clears optional fields with null, and an empty bio counts as none', async () => {
    const user = await createSignedInUser(deps, {
      phone_number: '+351912345678',
      avatar_url: 'https://cdn.example.test/a.png',
      bio: 'Hello',
    });
    const me = await callerFor(deps, { token: user.token }).users.updateProfile({
      phoneNumber: null,
      avatarUrl: null,
      bio: '   ',
    });
    expect(me).toMatchObject({ phoneNumber: null, avatarUrl: null, bio: null });
  });

  it('returns the account unchanged for an empty patch', async () => {
    const user = await createSignedInUser(deps, { first_name: 'Ana' });
    const caller = callerFor(deps, { token: user.token });
    expect(await caller.users.updateProfile({})).toEqual(await caller.users.me());
  });

  it.each([
    ['firstName', { firstName: '' }],
    ['lastName', { lastName: 'x'.repeat(101) }],
    ['phoneNumber', { phoneNumber: '912345678' }],
    ['phoneNumber', { phoneNumber: '+0123456789' }],
    ['bio', { bio: 'x'.repeat(1001) }],
    ['avatarUrl', { avatarUrl: 'http://cdn.example.test/a.png' }],
    ['avatarUrl', { avatarUrl: 'not a url' }],
  ])('refuses an invalid %s with BAD_REQUEST and its field path', async (path, input) => {
    const user = await createSignedInUser(deps);
    const failure = await failureOf(() => callerFor(deps, { token: user.token }).users.updateProfile(input));
    expect(failure).toMatchObject({ code: 'BAD_REQUEST', reason: 'VALIDATION_FAILED' });
    expect(failure.fieldErrors?.map((field) => field.path)).toEqual([path]);
  });

  it('reports every invalid field at once', async () => {
    const user = await createSignedInUser(deps);
    const failure = await failureOf(() =>
      callerFor(deps, { token: user.token }).users.updateProfile({ firstName: '', bio: 'x'.repeat(1001) }),
    );
    expect(failure.fieldErrors?.map((field) => field.path).sort()).toEqual(['bio', 'firstName']);
  });

  it('refuses to change email, role or status, and leaves the account as it was', async () => {
    const user = await createSignedInUser(deps);
    const caller = callerFor(deps, { token: user.token });
    const before = await caller.users.me();
    for (const sneaky of [{ role: 'admin' }, { status: 'active' }, { email: 'new@example.test' }]) {
      const input = { firstName: 'Mallory', ...sneaky };
      expect(await failureOf(() => caller.users.updateProfile(input))).toMatchObject({
        code: 'BAD_REQUEST',
        reason: 'VALIDATION_FAILED',
      });
    }
    expect(await caller.users.me()).toEqual(before);
  });

  it.each<[CallerRole, string]>([
    ['anonymous', 'UNAUTHENTICATED'],
    ['suspended', 'ACCOUNT_SUSPENDED'],
  ])('refuses a %s caller with UNAUTHORIZED %s', async (role, reason) => {
    const { caller } = await callerAs(deps, role);
    expect(await failureOf(() => caller.users.updateProfile({ firstName: 'X' }))).toMatchObject({
      code: 'UNAUTHORIZED',
      reason,
    });
  });

  it.each<CallerRole>(['guest', 'host', 'admin'])('lets a %s edit their own profile', async (role) => {
    const { caller, userId } = await callerAs(deps, role);
    expect(await caller.users.updateProfile({ bio: `a ${role}` })).toMatchObject({
      userId,
      bio: `a ${role}`,
    });
  });
});

describe('users.becomeHost', () => {
  it('turns a guest into a host whose very next request passes a host-only check', async () => {
    const user = await createSignedInUser(deps);
    // The first request caches the session lookup, role included.
    expect(await failureOf(() => hostCheck(user.token))).toMatchObject({ code: 'FORBIDDEN' });

    const me = await callerFor(deps, { token: user.token }).users.becomeHost();

    expect(me).toMatchObject({ userId: user.userId, role: 'host' });
    expect(await hostCheck(user.token)).toBe('host');
  });

  it('updates the role seen by every open session of the user', async () => {
    const user = await createSignedInUser(deps);
    const other = await createSignedInUser(deps);
    const second = await startSession(deps, deps.db, user.userId, { ip: null, userAgent: 'phone' });
    await failureOf(() => hostCheck(second.token));
    await failureOf(() => hostCheck(other.token));

    await callerFor(deps, { token: user.token }).users.becomeHost();

    expect(await hostCheck(second.token)).toBe('host');
    expect(await failureOf(() => hostCheck(other.token))).toMatchObject({ code: 'FORBIDDEN' });
  });

  it.each<CallerRole>(['host', 'admin'])(
    'refuses a %s with CONFLICT ALREADY_HOST and keeps the role',
    async (role) => {
      const { caller } = await callerAs(deps, role);
      expect(await failureOf(() => caller.users.becomeHost())).toMatchObject({
        code: 'CONFLICT',
        reason: 'ALREADY_HOST',
      });
      expect((await caller.users.me()).role).toBe(role);
    },
  );

  it('makes one of two simultaneous requests the host and answers the other ALREADY_HOST', async () => {
    const user = await createSignedInUser(deps);
    const caller = callerFor(deps, { token: user.token });
    const results = await Promise.allSettled([caller.users.becomeHost(), caller.users.becomeHost()]);
    expect(results.map((result) => result.status).sort()).toEqual(['fulfilled', 'rejected']);
    const rejected = results.find((result): result is PromiseRejectedResult => result.status === 'rejected');
    expect(await failureOf(() => Promise.reject(rejected?.reason))).toMatchObject({ reason: 'ALREADY_HOST' });
  });

  it.each<[CallerRole, string]>([
    ['anonymous', 'UNAUTHENTICATED'],
    ['suspended', 'ACCOUNT_SUSPENDED'],
  ])('refuses a %s caller with UNAUTHORIZED %s', async (role, reason) => {
    const { caller } = await callerAs(deps, role);
    expect(await failureOf(() => caller.users.becomeHost())).toMatchObject({ code: 'UNAUTHORIZED', reason });
  });

  it('leaves other users untouched', async () => {
    const bystander = await createUser(deps.db);
    const user = await createSignedInUser(deps);
    await callerFor(deps, { token: user.token }).users.becomeHost();
    const row = await deps.db
      .selectFrom('users')
      .select(['role'])
      .where('user_id', '=', bystander.userId)
      .executeTakeFirstOrThrow();
    expect(row.role).toBe('guest');
  });
});
