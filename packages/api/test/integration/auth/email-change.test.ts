import { describe, expect, it } from 'vitest';
import { rateLimits } from '../../../src/domain/auth/auth.rules.ts';
import { ManualClock } from '../../../src/infra/clock.ts';
import {
  callerFor,
  createUser,
  failureOf,
  queuedJobs,
  runDueJobs,
  signedIn,
  TEST_PASSWORD,
  TEST_PUBLIC_URL,
  useTestDeps,
} from '../../../src/testing/index.ts';
import { codeMailedTo, mailsTo, newEmail } from './helpers.ts';

const clock = new ManualClock(new Date());
const deps = await useTestDeps({ clock });

async function emailOf(userId: string) {
  return deps.db
    .selectFrom('users')
    .select(['email', 'email_verified_at'])
    .where('user_id', '=', userId)
    .executeTakeFirstOrThrow();
}

async function sessionCount(userId: string) {
  const rows = await deps.db
    .selectFrom('sessions')
    .select('session_id')
    .where('user_id', '=', userId)
    .execute();
  return rows.length;
}

/** A signed-in user who asked to move to a fresh address, with the code the worker mailed there. */
async function requested(label = 'moved') {
  const user = await signedIn(deps, 'guest', { first_name: 'Lena' });
  const to = newEmail(label);
  await user.caller.auth.requestEmailChange({ newEmail: to, password: TEST_PASSWORD });
  await runDueJobs(deps);
  return { user, newEmail: to, code: codeMailedTo(deps.mailer, to) };
}

describe('auth.requestEmailChange and auth.confirmEmailChange', () => {
  it('mails a code to the new address, switches the account to it on confirmation, tells the old one, and keeps the sessions', async () => {
    const { user, newEmail: to, code } = await requested();
    const [codeMail] = mailsTo(deps.mailer, to);
    expect(codeMail?.subject).toBe('Confirm your new email for StayHub');
    const link = `${TEST_PUBLIC_URL}/confirm-email-change?code=${code}`;
    expect(codeMail?.text).toContain(link);
    expect(codeMail?.html).toContain(`<a href="${link}">`);
    // Nothing changes before the confirmation.
    expect((await emailOf(user.userId)).email).toBe(user.email);
    const sessionsBefore = await sessionCount(user.userId);

    await expect(user.caller.auth.confirmEmailChange({ code })).resolves.toEqual({ ok: true });

    expect(await emailOf(user.userId)).toEqual({ email: to, email_verified_at: clock.now() });
    expect(await user.caller.users.me()).toMatchObject({ email: to });
    expect(await sessionCount(user.userId)).toBe(sessionsBefore);
    await runDueJobs(deps);
    const [notice] = mailsTo(deps.mailer, user.email);
    expect(notice?.subject).toBe('Your StayHub email was changed');
    expect(notice?.text).toContain(`now uses ${to}`);
    expect(notice?.html).toContain('<p>Hi Lena,</p>');
    // Signing in takes the new address (any case), no longer the old one.
    await expect(
      callerFor(deps).auth.login({ email: to.toUpperCase(), password: TEST_PASSWORD }),
    ).resolves.toMatchObject({ user: { email: to } });
    expect(
      await failureOf(() => callerFor(deps).auth.login({ email: user.email, password: TEST_PASSWORD })),
    ).toMatchObject({ reason: 'INVALID_CREDENTIALS' });
  });

  it('accepts a code once, and only from the account that asked', async () => {
    const { user, code } = await requested();
    const stranger = await signedIn(deps, 'guest');
    expect(await failureOf(() => stranger.caller.auth.confirmEmailChange({ code }))).toMatchObject({
      code: 'BAD_REQUEST',
      reason: 'INVALID_TOKEN',
      fieldPaths: ['code'],
    });
    await user.caller.auth.confirmEmailChange({ code });
    expect(await failureOf(() => user.caller.auth.confirmEmailChange({ code }))).toMatchObject({
      reason: 'INVALID_TOKEN',
    });
  });

  it('accepts a code for 1 hour only', async () => {
    const { user, code } = await requested();
    clock.advance(60 * 60 * 1000);
    expect(await failureOf(() => user.caller.auth.confirmEmailChange({ code }))).toMatchObject({
      reason: 'INVALID_TOKEN',
    });
    expect((await emailOf(user.userId)).email).toBe(user.email);
  });

  it('refuses a wrong password as a field error and queues nothing', async () => {
    const user = await signedIn(deps, 'guest');
    const jobsBefore = await queuedJobs(deps, 'send_email_change_code');
    const error = await failureOf(() =>
      user.caller.auth.requestEmailChange({ newEmail: newEmail(), password: 'not-my-password' }),
    );
    expect(error).toMatchObject({
      code: 'BAD_REQUEST',
      reason: 'INVALID_CREDENTIALS',
      fieldPaths: ['password'],
    });
    expect(await queuedJobs(deps, 'send_email_change_code')).toEqual(jobsBefore);
  });

  it('refuses an address another account uses, whatever its case, with EMAIL_TAKEN', async () => {
    const user = await signedIn(deps, 'guest');
    const other = await createUser(deps.db, { email: newEmail('Taken') });
    const error = await failureOf(() =>
      user.caller.auth.requestEmailChange({
        newEmail: ` ${other.email.toUpperCase()} `,
        password: TEST_PASSWORD,
      }),
    );
    expect(error).toMatchObject({ code: 'CONFLICT', reason: 'EMAIL_TAKEN' });
  });

  it('refuses the address the account already has', async () => {
    const user = await signedIn(deps, 'guest');
    const error = await failureOf(() =>
      user.caller.auth.requestEmailChange({ newEmail: user.email.toUpperCase(), password: TEST_PASSWORD }),
    );
    expect(error).toMatchObject({
      code: 'BAD_REQUEST',
      reason: 'VALIDATION_FAILED',
      fieldPaths: ['newEmail'],
    });
  });

  it('refuses with EMAIL_TAKEN and changes nothing when the address was taken after the code was mailed', async () => {
    const { user, newEmail: to, code } = await requested();
    await createUser(deps.db, { email: to.toUpperCase() });
    expect(await failureOf(() => user.caller.auth.confirmEmailChange({ code }))).toMatchObject({
      code: 'CONFLICT',
      reason: 'EMAIL_TAKEN',
    });
    expect((await emailOf(user.userId)).email).toBe(user.email);
    expect(mailsTo(deps.mailer, user.email)).toEqual([]);
  });

  it('lets exactly one of two accounts confirming the same address at once have it', async () => {
    const to = newEmail('contested');
    const first = await signedIn(deps, 'guest');
    const second = await signedIn(deps, 'guest');
    await first.caller.auth.requestEmailChange({ newEmail: to, password: TEST_PASSWORD });
    await second.caller.auth.requestEmailChange({ newEmail: to, password: TEST_PASSWORD });
    await runDueJobs(deps);
    const codes = mailsTo(deps.mailer, to).map((mail) => mail.text.match(/code: ([A-Za-z0-9_-]{43})$/m)?.[1]);
    expect(codes).toHaveLength(2);
    const [firstCode, secondCode] = codes;
    if (!firstCode || !secondCode) throw new Error('two codes expected');

    const outcomes = await Promise.allSettled([
      first.caller.auth.confirmEmailChange({ code: firstCode }),
      second.caller.auth.confirmEmailChange({ code: secondCode }),
    ]);
    expect(outcomes.filter((outcome) => outcome.status === 'fulfilled')).toHaveLength(1);
    const refused = outcomes.find((outcome) => outcome.status === 'rejected');
    expect(refused?.status === 'rejected' ? refused.reason : undefined).toMatchObject({ code: 'CONFLICT' });
    const owners = await deps.db.selectFrom('users').select('user_id').where('email', '=', to).execute();
    expect(owners).toHaveLength(1);
  });

  it('limits how often one user may ask, with RATE_LIMITED and a retry-after', async () => {
    const user = await signedIn(deps, 'guest');
    for (let i = 0; i < rateLimits.emailChangePerUser.points; i++) {
      await user.caller.auth.requestEmailChange({ newEmail: newEmail(), password: TEST_PASSWORD });
    }
    const error = await failureOf(() =>
      user.caller.auth.requestEmailChange({ newEmail: newEmail(), password: TEST_PASSWORD }),
    );
    expect(error).toMatchObject({ code: 'TOO_MANY_REQUESTS', reason: 'RATE_LIMITED' });
    expect(error.retryAfterMs).toBeGreaterThan(0);
  });
});
