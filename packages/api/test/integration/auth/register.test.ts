import { describe, expect, it } from 'vitest';
import { rateLimits } from '../../../src/domain/auth/auth.rules.ts';
import { callerFor, createSignedInUser, failureOf, nextIp, useTestDeps } from '../../../src/testing/index.ts';
import { queuedJobs } from '../../../src/testing/jobs.ts';
import { newEmail, STRONG_PASSWORD } from './helpers.ts';

const deps = await useTestDeps();

const registration = (email: string, password = STRONG_PASSWORD) => ({
  email,
  password,
  firstName: 'Ada',
  lastName: 'Lovelace',
});

describe('auth.register', () => {
  it('creates a guest account and signs it in, returning a token and the me view', async () => {
    const email = newEmail();
    const result = await callerFor(deps).auth.register({
      ...registration(email),
      phoneNumber: '+351 912 345 678',
    });

    expect(result.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(result.user).toMatchObject({
      email,
      firstName: 'Ada',
      lastName: 'Lovelace',
      phoneNumber: '+351912345678',
      role: 'guest',
      status: 'active',
      emailVerifiedAt: null,
    });
    expect(result.user).not.toHaveProperty('passwordHash');
    const sessions = await callerFor(deps, { token: result.token }).auth.sessions();
    expect(sessions.items).toHaveLength(1);
    expect(sessions.items[0]?.current).toBe(true);
  });

  it('trims the email and keeps it as typed', async () => {
    const email = newEmail('Mixed.Case');
    const result = await callerFor(deps).auth.register(registration(`  ${email}  `));
    expect(result.user.email).toBe(email);
  });

  it('stores only an argon2id hash of the password', async () => {
    const email = newEmail();
    const { user } = await callerFor(deps).auth.register(registration(email));
    const row = await deps.db
      .selectFrom('users')
      .select(['password_hash'])
      .where('user_id', '=', user.userId)
      .executeTakeFirstOrThrow();
    expect(row.password_hash).toMatch(/^\$argon2id\$/);
    expect(row.password_hash).not.toContain(STRONG_PASSWORD);
  });

  it('refuses an email already taken in another case with EMAIL_TAKEN', async () => {
    const email = newEmail('taken');
    await callerFor(deps).auth.register(registration(email));
    const error = await failureOf(() => callerFor(deps).auth.register(registration(email.toUpperCase())));
    expect(error).toMatchObject({ code: 'CONFLICT', reason: 'EMAIL_TAKEN' });
  });

  it.each([
    ['shorter than 8 characters', 'Ab3$xyz'],
    ['longer than 128 characters', 'x'.repeat(129)],
    ['on the common-password list', 'baseball'],
    ['on the common-password list in another case', 'PassWord1'],
  ])('refuses a password %s with WEAK_PASSWORD on the password field', async (_, password) => {
    const email = newEmail();
    const error = await failureOf(() => callerFor(deps).auth.register(registration(email, password)));
    expect(error).toMatchObject({ code: 'BAD_REQUEST', reason: 'WEAK_PASSWORD', fieldPaths: ['password'] });
    const row = await deps.db
      .selectFrom('users')
      .select('user_id')
      .where('email', '=', email)
      .executeTakeFirst();
    expect(row).toBeUndefined();
  });

  it('accepts passwords of exactly 8 and 128 characters, counting an emoji as one', async () => {
    await callerFor(deps).auth.register(registration(newEmail(), 'quiet-1🦦'));
    await callerFor(deps).auth.register(registration(newEmail(), `${'z'.repeat(127)}🦦`));
  });

  it('refuses malformed input with field paths', async () => {
    const error = await failureOf(() =>
      callerFor(deps).auth.register({
        email: 'not-an-email',
        password: STRONG_PASSWORD,
        firstName: ' ',
        lastName: 'X',
        phoneNumber: 'call me',
      }),
    );
    expect(error).toMatchObject({ code: 'BAD_REQUEST', reason: 'VALIDATION_FAILED' });
    expect(error.fieldPaths.sort()).toEqual(['email', 'firstName', 'phoneNumber']);
  });

  it('queues the verification mail with the account, carrying only the user id', async () => {
    const { user } = await callerFor(deps).auth.register(registration(newEmail()));
    const jobs = await queuedJobs(deps, 'send_email_verification');
    expect(jobs.map(({ payload, key }) => ({ payload, key }))).toContainEqual({
      payload: { userId: user.userId },
      key: `send_email_verification:${user.userId}`,
    });
  });

  it('queues no verification mail when the registration fails', async () => {
    const email = newEmail();
    await callerFor(deps).auth.register(registration(email));
    const before = (await queuedJobs(deps, 'send_email_verification')).length;
    await failureOf(() => callerFor(deps).auth.register(registration(email)));
    expect(await queuedJobs(deps, 'send_email_verification')).toHaveLength(before);
  });

  it('ignores the token of a signed-in caller: registering is public', async () => {
    const signedIn = await createSignedInUser(deps);
    const result = await callerFor(deps, { token: signedIn.token }).auth.register(registration(newEmail()));
    expect(result.user.userId).not.toBe(signedIn.userId);
  });

  it('refuses registrations past the per-IP limit with RATE_LIMITED and a retry delay', async () => {
    const ip = nextIp();
    for (let i = 0; i < rateLimits.registerPerIp.points; i++) {
      // Weak passwords: the limit is counted before the password is even looked at.
      await failureOf(() => callerFor(deps, { ip }).auth.register(registration(newEmail(), 'short')));
    }
    const error = await failureOf(() => callerFor(deps, { ip }).auth.register(registration(newEmail())));
    expect(error).toMatchObject({ code: 'TOO_MANY_REQUESTS', reason: 'RATE_LIMITED' });
    expect(error.retryAfterMs).toBeGreaterThan(0);
  });

  it('refuses registrations of one email past the per-email limit, from any IP', async () => {
    const email = newEmail();
    for (let i = 0; i < rateLimits.registerPerEmail.points; i++) {
      await failureOf(() => callerFor(deps).auth.register(registration(email, 'short')));
    }
    const error = await failureOf(() => callerFor(deps).auth.register(registration(email.toUpperCase())));
    expect(error).toMatchObject({ code: 'TOO_MANY_REQUESTS', reason: 'RATE_LIMITED' });
  });
});
