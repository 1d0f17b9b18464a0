import { describe, expect, it } from 'vitest';
import { rateLimits } from '../../../src/domain/auth/auth.rules.ts';
import { hashToken } from '../../../src/domain/auth/session.rules.ts';
import { startSession } from '../../../src/domain/auth/session.service.ts';
import { ManualClock } from '../../../src/infra/clock.ts';
import {
  callerFor,
  createSignedInUser,
  createUser,
  failureOf,
  nextIp,
  TEST_PASSWORD,
  TEST_PUBLIC_URL,
  useTestDeps,
} from '../../../src/testing/index.ts';
import { queuedJobs, runDueJobs } from '../../../src/testing/jobs.ts';
import { codeMailedTo, mailsTo, newEmail, STRONG_PASSWORD } from './helpers.ts';

const clock = new ManualClock(new Date());
const deps = await useTestDeps({ clock });

/** Asks for a reset of `email` and lets the worker mail the code. */
async function mailedResetCode(email: string): Promise<string> {
  await callerFor(deps).auth.requestPasswordReset({ email });
  await runDueJobs(deps);
  return codeMailedTo(deps.mailer, email);
}

describe('auth.requestPasswordReset', () => {
  it('answers the same for an existing and an unknown email, queueing a job only for the account', async () => {
    const user = await createUser(deps.db, { email: newEmail() });
    const unknown = newEmail('nobody');

    const known = await callerFor(deps).auth.requestPasswordReset({ email: user.email });
    const stranger = await callerFor(deps).auth.requestPasswordReset({ email: unknown });

    expect(known).toEqual({ ok: true });
    expect(stranger).toEqual(known);
    const jobs = await queuedJobs(deps, 'send_password_reset');
    expect(jobs.map(({ payload, key }) => ({ payload, key }))).toContainEqual({
      payload: { userId: user.userId },
      key: `send_password_reset:${user.userId}`,
    });
    expect(JSON.stringify(jobs)).not.toContain(unknown);
    await runDueJobs(deps);
    expect(mailsTo(deps.mailer, unknown)).toEqual([]);
  });

  it('queues nothing for a suspended account, yet answers the same', async () => {
    const user = await createUser(deps.db, { email: newEmail(), status: 'suspended' });
    await expect(callerFor(deps).auth.requestPasswordReset({ email: user.email })).resolves.toEqual({
      ok: true,
    });
    const jobs = await queuedJobs(deps, 'send_password_reset');
    expect(jobs.map((j) => j.payload)).not.toContainEqual({ userId: user.userId });
  });

  it('mails a code when the job runs; the job carries no secret', async () => {
    const user = await createUser(deps.db, { email: newEmail(), first_name: 'Grace' });
    await callerFor(deps).auth.requestPasswordReset({ email: user.email.toUpperCase() });
    const [job] = (await queuedJobs(deps, 'send_password_reset')).filter(
      (j) => JSON.stringify(j.payload) === JSON.stringify({ userId: user.userId }),
    );
    expect(job).toBeDefined();

    await runDueJobs(deps);

    const [mail] = mailsTo(deps.mailer, user.email);
    expect(mail?.subject).toBe('Reset your StayHub password');
    expect(mail?.text).toContain('Hi Grace,');
    const code = codeMailedTo(deps.mailer, user.email);
    expect(JSON.stringify(job)).not.toContain(code);
    // The app's reset page on PUBLIC_URL, carrying the code, in plain text and HTML.
    const link = `${TEST_PUBLIC_URL}/reset-password?token=${code}`;
    expect(mail?.text).toContain(link);
    expect(mail?.html).toContain(`<a href="${link}">`);
    const stored = await deps.db
      .selectFrom('user_tokens')
      .select(['token_hash', 'purpose'])
      .where('user_id', '=', user.userId)
      .execute();
    expect(stored).toHaveLength(1);
    expect(stored[0]?.purpose).toBe('password_reset');
    // Only the SHA-256 of the code is stored.
    expect(stored[0]?.token_hash.equals(hashToken(code))).toBe(true);
  });

  it('sends nothing when the account was suspended before the job ran', async () => {
    const user = await createUser(deps.db, { email: newEmail() });
    await callerFor(deps).auth.requestPasswordReset({ email: user.email });
    await deps.db
      .updateTable('users')
      .set({ status: 'suspended' })
      .where('user_id', '=', user.userId)
      .execute();
    await runDueJobs(deps);
    expect(mailsTo(deps.mailer, user.email)).toEqual([]);
  });

  it('limits requests per email, whether or not it has an account', async () => {
    for (const email of [(await createUser(deps.db, { email: newEmail() })).email, newEmail('nobody')]) {
      for (let i = 0; i < rateLimits.passwordResetPerEmail.points; i++) {
        await callerFor(deps).auth.requestPasswordReset({ email });
      }
      const error = await failureOf(() => callerFor(deps).auth.requestPasswordReset({ email }));
      expect(error).toMatchObject({ code: 'TOO_MANY_REQUESTS', reason: 'RATE_LIMITED' });
      expect(error.retryAfterMs).toBeGreaterThan(0);
    }
  });

  it('limits requests per IP', async () => {
    const ip = nextIp();
    for (let i = 0; i < rateLimits.passwordResetPerIp.points; i++) {
      await callerFor(deps, { ip }).auth.requestPasswordReset({ email: newEmail('spray') });
    }
    const error = await failureOf(() =>
      callerFor(deps, { ip }).auth.requestPasswordReset({ email: newEmail() }),
    );
    expect(error).toMatchObject({ code: 'TOO_MANY_REQUESTS', reason: 'RATE_LIMITED' });
  });
});

describe('auth.resetPassword', () => {
  it('sets the password with the mailed code and ends every session of the user at once', async () => {
    const user = await createSignedInUser(deps, { email: newEmail() });
    const other = await startSession(deps, deps.db, user.userId, { ip: null, userAgent: 'tablet' });
    for (const token of [user.token, other.token]) await callerFor(deps, { token }).auth.sessions(); // cached
    const code = await mailedResetCode(user.email);

    await expect(
      callerFor(deps).auth.resetPassword({ token: code, newPassword: STRONG_PASSWORD }),
    ).resolves.toEqual({ ok: true });

    for (const token of [user.token, other.token]) {
      expect(await failureOf(() => callerFor(deps, { token }).auth.sessions())).toMatchObject({
        code: 'UNAUTHORIZED',
      });
    }
    const login = (password: string) => callerFor(deps).auth.login({ email: user.email, password });
    expect((await failureOf(() => login(TEST_PASSWORD))).reason).toBe('INVALID_CREDENTIALS');
    const { user: me } = await login(STRONG_PASSWORD);
    // The code reached the address, which proves it is the user's.
    expect(me.emailVerifiedAt).toBeInstanceOf(Date);
  });

  it('accepts a code only once', async () => {
    const user = await createUser(deps.db, { email: newEmail() });
    const code = await mailedResetCode(user.email);
    await callerFor(deps).auth.resetPassword({ token: code, newPassword: STRONG_PASSWORD });
    const error = await failureOf(() =>
      callerFor(deps).auth.resetPassword({ token: code, newPassword: 'another-good-passphrase' }),
    );
    expect(error).toMatchObject({ code: 'BAD_REQUEST', reason: 'INVALID_TOKEN', fieldPaths: ['token'] });
  });

  it('accepts a code for one hour only', async () => {
    const user = await createUser(deps.db, { email: newEmail() });
    const code = await mailedResetCode(user.email);
    clock.advance(60 * 60 * 1000);
    const error = await failureOf(() =>
      callerFor(deps).auth.resetPassword({ token: code, newPassword: STRONG_PASSWORD }),
    );
    expect(error).toMatchObject({ code: 'BAD_REQUEST', reason: 'INVALID_TOKEN' });
    await expect(
      callerFor(deps).auth.login({ email: user.email, password: TEST_PASSWORD }),
    ).resolves.toHaveProperty('token');
  });

  it('accepts a code just before the hour is up', async () => {
    const user = await createUser(deps.db, { email: newEmail() });
    const code = await mailedResetCode(user.email);
    clock.advance(60 * 60 * 1000 - 1000);
    await expect(
      callerFor(deps).auth.resetPassword({ token: code, newPassword: STRONG_PASSWORD }),
    ).resolves.toEqual({ ok: true });
  });

  it('refuses a code that was never issued, the same way', async () => {
    const error = await failureOf(() =>
      callerFor(deps).auth.resetPassword({ token: 'A'.repeat(43), newPassword: STRONG_PASSWORD }),
    );
    expect(error).toMatchObject({ code: 'BAD_REQUEST', reason: 'INVALID_TOKEN', fieldPaths: ['token'] });
  });

  it('makes an earlier code stop working once a newer one is mailed', async () => {
    const user = await createUser(deps.db, { email: newEmail() });
    const first = await mailedResetCode(user.email);
    const second = await mailedResetCode(user.email);
    expect(second).not.toBe(first);
    expect(
      await failureOf(() =>
        callerFor(deps).auth.resetPassword({ token: first, newPassword: STRONG_PASSWORD }),
      ),
    ).toMatchObject({ reason: 'INVALID_TOKEN' });
    await expect(
      callerFor(deps).auth.resetPassword({ token: second, newPassword: STRONG_PASSWORD }),
    ).resolves.toEqual({ ok: true });
  });

  it('refuses a weak new password without using the code up', async () => {
    const user = await createUser(deps.db, { email: newEmail() });
    const code = await mailedResetCode(user.email);
    const error = await failureOf(() =>
      callerFor(deps).auth.resetPassword({ token: code, newPassword: 'password' }),
    );
    expect(error).toMatchObject({
      code: 'BAD_REQUEST',
      reason: 'WEAK_PASSWORD',
      fieldPaths: ['newPassword'],
    });
    await expect(
      callerFor(deps).auth.resetPassword({ token: code, newPassword: STRONG_PASSWORD }),
    ).resolves.toEqual({ ok: true });
  });

  it('refuses the code of an account suspended since it was mailed', async () => {
    const user = await createUser(deps.db, { email: newEmail() });
    const code = await mailedResetCode(user.email);
    await deps.db
      .updateTable('users')
      .set({ status: 'suspended' })
      .where('user_id', '=', user.userId)
      .execute();
    const error = await failureOf(() =>
      callerFor(deps).auth.resetPassword({ token: code, newPassword: STRONG_PASSWORD }),
    );
    expect(error).toMatchObject({ code: 'BAD_REQUEST', reason: 'INVALID_TOKEN' });
  });

  it('lets exactly one of two concurrent uses of a code win', async () => {
    const user = await createUser(deps.db, { email: newEmail() });
    const code = await mailedResetCode(user.email);
    const results = await Promise.allSettled([
      callerFor(deps).auth.resetPassword({ token: code, newPassword: STRONG_PASSWORD }),
      callerFor(deps).auth.resetPassword({ token: code, newPassword: 'another-good-passphrase' }),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
  });

  it('stops an unused reset code from working after a password change', async () => {
    const user = await createSignedInUser(deps, { email: newEmail() });
    const code = await mailedResetCode(user.email);
    await callerFor(deps, { token: user.token }).auth.changePassword({
      currentPassword: TEST_PASSWORD,
      newPassword: STRONG_PASSWORD,
    });
    expect(
      await failureOf(() =>
        callerFor(deps).auth.resetPassword({ token: code, newPassword: 'another-good-passphrase' }),
      ),
    ).toMatchObject({ reason: 'INVALID_TOKEN' });
  });
});
