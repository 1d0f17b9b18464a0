import { describe, expect, it } from 'vitest';
import { rateLimits } from '../../../src/domain/auth/auth.rules.ts';
import { startSession } from '../../../src/domain/auth/session.service.ts';
import {
  callerFor,
  createSignedInUser,
  failureOf,
  TEST_PASSWORD,
  useTestDeps,
} from '../../../src/testing/index.ts';
import { STRONG_PASSWORD } from './helpers.ts';

const deps = await useTestDeps();

describe('auth.changePassword', () => {
  it('sets the new password, keeps this session and ends every other one at once', async () => {
    const user = await createSignedInUser(deps);
    const other = await startSession(deps, deps.db, user.userId, { ip: null, userAgent: 'phone' });
    await callerFor(deps, { token: other.token }).auth.sessions(); // cached

    const result = await callerFor(deps, { token: user.token }).auth.changePassword({
      currentPassword: TEST_PASSWORD,
      newPassword: STRONG_PASSWORD,
    });

    expect(result).toEqual({ revokedCount: 1 });
    expect(await failureOf(() => callerFor(deps, { token: other.token }).auth.sessions())).toMatchObject({
      code: 'UNAUTHORIZED',
    });
    const { items } = await callerFor(deps, { token: user.token }).auth.sessions();
    expect(items.map((s) => s.sessionId)).toEqual([user.sessionId]);
    const login = (password: string) => callerFor(deps).auth.login({ email: user.email, password });
    expect((await failureOf(() => login(TEST_PASSWORD))).reason).toBe('INVALID_CREDENTIALS');
    await expect(login(STRONG_PASSWORD)).resolves.toHaveProperty('token');
  });

  it('records when the password changed', async () => {
    const user = await createSignedInUser(deps);
    const before = Date.now();
    await callerFor(deps, { token: user.token }).auth.changePassword({
      currentPassword: TEST_PASSWORD,
      newPassword: STRONG_PASSWORD,
    });
    const row = await deps.db
      .selectFrom('users')
      .select('password_changed_at')
      .where('user_id', '=', user.userId)
      .executeTakeFirstOrThrow();
    expect(row.password_changed_at?.getTime()).toBeGreaterThanOrEqual(before - 1000);
  });

  it('refuses a wrong current password with INVALID_CREDENTIALS on that field, changing nothing', async () => {
    const user = await createSignedInUser(deps);
    const error = await failureOf(() =>
      callerFor(deps, { token: user.token }).auth.changePassword({
        currentPassword: 'not my password',
        newPassword: STRONG_PASSWORD,
      }),
    );
    expect(error).toMatchObject({
      code: 'BAD_REQUEST',
      reason: 'INVALID_CREDENTIALS',
      fieldPaths: ['currentPassword'],
    });
    await expect(
      callerFor(deps).auth.login({ email: user.email, password: TEST_PASSWORD }),
    ).resolves.toHaveProperty('token');
  });

  it.each([
    ['short', 'abc'],
    ['common', 'TrustNo1'],
  ])('refuses a %s new password with WEAK_PASSWORD on newPassword', async (_, newPassword) => {
    const user = await createSignedInUser(deps);
    const error = await failureOf(() =>
      callerFor(deps, { token: user.token }).auth.changePassword({
        currentPassword: TEST_PASSWORD,
        newPassword,
      }),
    );
    expect(error).toMatchObject({
      code: 'BAD_REQUEST',
      reason: 'WEAK_PASSWORD',
      fieldPaths: ['newPassword'],
    });
  });

  it('limits how often one user may try, so a stolen session cannot guess the password', async () => {
    const user = await createSignedInUser(deps);
    const me = callerFor(deps, { token: user.token });
    for (let i = 0; i < rateLimits.changePasswordPerUser.points; i++) {
      await failureOf(() =>
        me.auth.changePassword({ currentPassword: `guess-${i}`, newPassword: STRONG_PASSWORD }),
      );
    }
    const error = await failureOf(() =>
      me.auth.changePassword({ currentPassword: TEST_PASSWORD, newPassword: STRONG_PASSWORD }),
    );
    expect(error).toMatchObject({ code: 'TOO_MANY_REQUESTS', reason: 'RATE_LIMITED' });
    expect(error.retryAfterMs).toBeGreaterThan(0);
  });
});
