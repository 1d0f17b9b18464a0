import { describe, expect, it } from 'vitest';
import { rateLimits } from '../../../src/domain/auth/auth.rules.ts';
import { argon2Verifier } from '../../../src/domain/auth/credentials.ts';
import {
  callerFor,
  createUser,
  failureOf,
  nextIp,
  TEST_PASSWORD,
  useTestDeps,
} from '../../../src/testing/index.ts';
import { newEmail } from './helpers.ts';

const deps = await useTestDeps();

describe('auth.login', () => {
  it('signs in with the right password, returning a working token and the me view', async () => {
    const user = await createUser(deps.db, { email: newEmail() });
    const result = await callerFor(deps).auth.login({ email: user.email, password: TEST_PASSWORD });

    expect(result.user).toMatchObject({ userId: user.userId, email: user.email, role: 'guest' });
    const sessions = await callerFor(deps, { token: result.token }).auth.sessions();
    expect(sessions.items.map((s) => s.current)).toEqual([true]);
  });

  it('matches the email in any case and ignores surrounding spaces', async () => {
    const user = await createUser(deps.db, { email: newEmail('Case.Sensitive') });
    const result = await callerFor(deps).auth.login({
      email: `  ${user.email.toLowerCase()} `,
      password: TEST_PASSWORD,
    });
    expect(result.user.userId).toBe(user.userId);
  });

  it('opens a new session per login, recording the user agent and IP', async () => {
    const user = await createUser(deps.db, { email: newEmail() });
    const ip = nextIp();
    const first = await callerFor(deps, { ip }).auth.login({ email: user.email, password: TEST_PASSWORD });
    await callerFor(deps).auth.login({ email: user.email, password: TEST_PASSWORD });
    const { items } = await callerFor(deps, { token: first.token }).auth.sessions();
    expect(items).toHaveLength(2);
    expect(items.find((s) => s.current)).toMatchObject({ ip, userAgent: 'vitest' });
  });

  it('answers a wrong password and an unknown email with the same INVALID_CREDENTIALS', async () => {
    const user = await createUser(deps.db, { email: newEmail() });
    const wrongPassword = await failureOf(() =>
      callerFor(deps).auth.login({ email: user.email, password: 'not the password' }),
    );
    const unknownEmail = await failureOf(() =>
      callerFor(deps).auth.login({ email: newEmail('nobody'), password: 'not the password' }),
    );
    expect(wrongPassword).toEqual({
      code: 'UNAUTHORIZED',
      message: 'wrong email or password',
      reason: 'INVALID_CREDENTIALS',
      fieldErrors: null,
      fieldPaths: [],
      retryAfterMs: null,
    });
    expect(unknownEmail).toEqual(wrongPassword);
  });

  it('tells a suspended user ACCOUNT_SUSPENDED only once the password was right', async () => {
    const user = await createUser(deps.db, { email: newEmail(), status: 'suspended' });
    const wrong = await failureOf(() =>
      callerFor(deps).auth.login({ email: user.email, password: 'guess guess' }),
    );
    expect(wrong).toMatchObject({ code: 'UNAUTHORIZED', reason: 'INVALID_CREDENTIALS' });
    const right = await failureOf(() =>
      callerFor(deps).auth.login({ email: user.email, password: TEST_PASSWORD }),
    );
    expect(right).toMatchObject({ code: 'UNAUTHORIZED', reason: 'ACCOUNT_SUSPENDED' });
    const sessions = await deps.db
      .selectFrom('sessions')
      .select('session_id')
      .where('user_id', '=', user.userId)
      .execute();
    expect(sessions).toEqual([]);
  });

  it('refuses the right password after too many failures for the email, before checking it', async () => {
    const user = await createUser(deps.db, { email: newEmail() });
    for (let i = 0; i < rateLimits.loginPerEmail.points; i++) {
      const error = await failureOf(() =>
        callerFor(deps).auth.login({ email: user.email, password: `wrong-${i}` }),
      );
      expect(error.reason).toBe('INVALID_CREDENTIALS');
    }
    // From a fresh IP and in another case: the limit is per normalised email.
    const error = await failureOf(() =>
      callerFor(deps).auth.login({ email: user.email.toUpperCase(), password: TEST_PASSWORD }),
    );
    expect(error).toMatchObject({ code: 'TOO_MANY_REQUESTS', reason: 'RATE_LIMITED' });
    expect(error.retryAfterMs).toBeGreaterThan(0);
    expect(error.retryAfterMs).toBeLessThanOrEqual(rateLimits.loginPerEmail.durationSeconds * 1000);
  });

  it('forgets the failures of an email after a successful login', async () => {
    const user = await createUser(deps.db, { email: newEmail() });
    const attempt = (password: string) => callerFor(deps).auth.login({ email: user.email, password });
    for (let i = 0; i < rateLimits.loginPerEmail.points - 1; i++) await failureOf(() => attempt('wrong'));
    await attempt(TEST_PASSWORD);
    for (let i = 0; i < rateLimits.loginPerEmail.points - 1; i++) {
      expect((await failureOf(() => attempt('wrong'))).reason).toBe('INVALID_CREDENTIALS');
    }
    await expect(attempt(TEST_PASSWORD)).resolves.toHaveProperty('token');
  });

  it('limits logins per IP across accounts', async () => {
    const ip = nextIp();
    for (let i = 0; i < rateLimits.loginPerIp.points; i++) {
      await failureOf(() =>
        callerFor(deps, { ip }).auth.login({ email: newEmail('spray'), password: 'guess guess' }),
      );
    }
    const user = await createUser(deps.db, { email: newEmail() });
    const error = await failureOf(() =>
      callerFor(deps, { ip }).auth.login({ email: user.email, password: TEST_PASSWORD }),
    );
    expect(error).toMatchObject({ code: 'TOO_MANY_REQUESTS', reason: 'RATE_LIMITED' });
    await expect(
      callerFor(deps).auth.login({ email: user.email, password: TEST_PASSWORD }),
    ).resolves.toHaveProperty('token');
  });

  it('checks unknown emails against a dummy hash made with the same argon2id parameters as real ones', async () => {
    const user = await createUser(deps.db, { email: newEmail() });
    const real = await deps.db
      .selectFrom('users')
      .select('password_hash')
      .where('user_id', '=', user.userId)
      .executeTakeFirstOrThrow();
    const dummy = await argon2Verifier.dummyHash();
    const parameters = (hash: string) => hash.split('$').slice(1, 4).join('$');
    expect(parameters(dummy)).toBe(parameters(real.password_hash));
    expect(parameters(dummy)).toMatch(/^argon2id\$v=19\$m=\d+,t=\d+,p=\d+$/);
  });

  it('refuses malformed input before any lookup', async () => {
    const error = await failureOf(() => callerFor(deps).auth.login({ email: 'nope', password: '' }));
    expect(error).toMatchObject({ code: 'BAD_REQUEST', reason: 'VALIDATION_FAILED' });
    expect(error.fieldPaths.sort()).toEqual(['email', 'password']);
  });
});
