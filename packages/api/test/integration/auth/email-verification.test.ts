import { describe, expect, it } from 'vitest';
import { rateLimits } from '../../../src/domain/auth/auth.rules.ts';
import { ManualClock } from '../../../src/infra/clock.ts';
import {
  callerFor,
  createSignedInUser,
  failureOf,
  TEST_PUBLIC_URL,
  useTestDeps,
} from '../../../src/testing/index.ts';
import { queuedJobs, runDueJobs } from '../../../src/testing/jobs.ts';
import { codeMailedTo, mailsTo, newEmail, STRONG_PASSWORD } from './helpers.ts';

const clock = new ManualClock(new Date());
const deps = await useTestDeps({ clock });

/** Registers through the API and lets the worker send the verification mail. */
async function registeredAndMailed() {
  const email = newEmail();
  const { token, user } = await callerFor(deps).auth.register({
    email,
    password: STRONG_PASSWORD,
    firstName: 'Alan',
    lastName: 'Turing',
  });
  await runDueJobs(deps);
  return { email, token, user, code: codeMailedTo(deps.mailer, email) };
}

async function emailVerifiedAt(userId: string) {
  const row = await deps.db
    .selectFrom('users')
    .select('email_verified_at')
    .where('user_id', '=', userId)
    .executeTakeFirstOrThrow();
  return row.email_verified_at;
}

describe('auth.verifyEmail', () => {
  it('verifies the address with the code mailed after registering', async () => {
    const { email, user, code } = await registeredAndMailed();
    const [mail] = mailsTo(deps.mailer, email);
    expect(mail).toMatchObject({ subject: 'Confirm your email for StayHub' });
    expect(mail?.text).toContain('Hi Alan,');
    // The app's verification page on PUBLIC_URL, carrying the code, in plain text and HTML.
    const link = `${TEST_PUBLIC_URL}/verify-email?token=${code}`;
    expect(mail?.text).toContain(link);
    expect(mail?.html).toContain(`<a href="${link}">`);
    expect(mail?.html).toContain('<p>Hi Alan,</p>');
    expect(await emailVerifiedAt(user.userId)).toBeNull();

    // Public: the code is the proof, a session is not needed.
    await expect(callerFor(deps).auth.verifyEmail({ token: code })).resolves.toEqual({ ok: true });

    expect((await emailVerifiedAt(user.userId))?.getTime()).toBe(clock.now().getTime());
  });

  it('accepts a code only once', async () => {
    const { code } = await registeredAndMailed();
    await callerFor(deps).auth.verifyEmail({ token: code });
    const error = await failureOf(() => callerFor(deps).auth.verifyEmail({ token: code }));
    expect(error).toMatchObject({ code: 'BAD_REQUEST', reason: 'INVALID_TOKEN', fieldPaths: ['token'] });
  });

  it('accepts a code for 24 hours only', async () => {
    const { user, code } = await registeredAndMailed();
    clock.advance(24 * 60 * 60 * 1000);
    const error = await failureOf(() => callerFor(deps).auth.verifyEmail({ token: code }));
    expect(error).toMatchObject({ code: 'BAD_REQUEST', reason: 'INVALID_TOKEN' });
    expect(await emailVerifiedAt(user.userId)).toBeNull();
  });

  it('refuses a reset code used as a verification code', async () => {
    const { email } = await registeredAndMailed();
    await callerFor(deps).auth.requestPasswordReset({ email });
    await runDueJobs(deps);
    const resetCode = codeMailedTo(deps.mailer, email);
    expect(await failureOf(() => callerFor(deps).auth.verifyEmail({ token: resetCode }))).toMatchObject({
      reason: 'INVALID_TOKEN',
    });
  });

  it('refuses the code of a suspended account', async () => {
    const { user, code } = await registeredAndMailed();
    await deps.db
      .updateTable('users')
      .set({ status: 'suspended' })
      .where('user_id', '=', user.userId)
      .execute();
    expect(await failureOf(() => callerFor(deps).auth.verifyEmail({ token: code }))).toMatchObject({
      reason: 'INVALID_TOKEN',
    });
  });
});

describe('auth.requestEmailVerification', () => {
  it('queues a new verification mail whose code works, and the earlier code no longer does', async () => {
    const { email, token, user, code: first } = await registeredAndMailed();

    await expect(callerFor(deps, { token }).auth.requestEmailVerification()).resolves.toEqual({ ok: true });
    expect((await queuedJobs(deps, 'send_email_verification')).map((j) => j.payload)).toContainEqual({
      userId: user.userId,
    });
    await runDueJobs(deps);
    const second = codeMailedTo(deps.mailer, email);

    expect(second).not.toBe(first);
    expect(await failureOf(() => callerFor(deps).auth.verifyEmail({ token: first }))).toMatchObject({
      reason: 'INVALID_TOKEN',
    });
    await expect(callerFor(deps).auth.verifyEmail({ token: second })).resolves.toEqual({ ok: true });
  });

  it('answers CONFLICT ALREADY_VERIFIED once the address is verified', async () => {
    const { token, code } = await registeredAndMailed();
    await callerFor(deps).auth.verifyEmail({ token: code });
    const error = await failureOf(() => callerFor(deps, { token }).auth.requestEmailVerification());
    expect(error).toMatchObject({ code: 'CONFLICT', reason: 'ALREADY_VERIFIED' });
  });

  it('sends nothing when the address was verified before the job ran', async () => {
    const user = await createSignedInUser(deps, { email: newEmail() });
    await callerFor(deps, { token: user.token }).auth.requestEmailVerification();
    await deps.db
      .updateTable('users')
      .set({ email_verified_at: clock.now() })
      .where('user_id', '=', user.userId)
      .execute();
    await runDueJobs(deps);
    expect(mailsTo(deps.mailer, user.email)).toEqual([]);
  });

  it('queues one job for two requests made before the worker runs', async () => {
    const user = await createSignedInUser(deps, { email: newEmail() });
    const me = callerFor(deps, { token: user.token });
    await me.auth.requestEmailVerification();
    await me.auth.requestEmailVerification();
    const jobs = (await queuedJobs(deps, 'send_email_verification')).filter(
      (j) => j.key === `send_email_verification:${user.userId}`,
    );
    expect(jobs).toHaveLength(1);
    await runDueJobs(deps);
    expect(mailsTo(deps.mailer, user.email)).toHaveLength(1);
  });

  it('limits how many mails one user can ask for', async () => {
    const user = await createSignedInUser(deps, { email: newEmail() });
    const me = callerFor(deps, { token: user.token });
    for (let i = 0; i < rateLimits.verificationPerUser.points; i++) await me.auth.requestEmailVerification();
    const error = await failureOf(() => me.auth.requestEmailVerification());
    expect(error).toMatchObject({ code: 'TOO_MANY_REQUESTS', reason: 'RATE_LIMITED' });
    expect(error.retryAfterMs).toBeGreaterThan(0);
  });
});
