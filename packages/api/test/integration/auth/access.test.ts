import { describe, expect, it } from 'vitest';
import {
  callerFor,
  createSignedInUser,
  failureOf,
  TEST_PASSWORD,
  useTestDeps,
} from '../../../src/testing/index.ts';
import { newEmail, STRONG_PASSWORD } from './helpers.ts';

const deps = await useTestDeps();

type Caller = ReturnType<typeof callerFor>;

const NO_SESSION = '00000000-0000-4000-8000-000000000000';

/** Every auth procedure that needs a session, called with valid input (`mySessionId`: a session to revoke). */
const authed: Array<[string, (caller: Caller, mySessionId: string) => Promise<unknown>]> = [
  ['logout', (c) => c.auth.logout()],
  ['logoutAll', (c) => c.auth.logoutAll()],
  ['sessions', (c) => c.auth.sessions()],
  ['revokeSession', (c, mySessionId) => c.auth.revokeSession({ sessionId: mySessionId })],
  [
    'changePassword',
    (c) => c.auth.changePassword({ currentPassword: TEST_PASSWORD, newPassword: STRONG_PASSWORD }),
  ],
  ['requestEmailVerification', (c) => c.auth.requestEmailVerification()],
];

describe('who may call the auth procedures', () => {
  it.each(authed)('refuses an anonymous caller on %s with UNAUTHORIZED', async (_, call) => {
    const error = await failureOf(() => call(callerFor(deps), NO_SESSION));
    expect(error).toMatchObject({ code: 'UNAUTHORIZED', reason: 'UNAUTHENTICATED' });
  });

  it.each(authed)('refuses an unknown token on %s with UNAUTHORIZED', async (_, call) => {
    const error = await failureOf(() => call(callerFor(deps, { token: 'A'.repeat(43) }), NO_SESSION));
    expect(error).toMatchObject({ code: 'UNAUTHORIZED', reason: 'UNAUTHENTICATED' });
  });

  it.each(authed)('refuses a suspended user on %s with ACCOUNT_SUSPENDED', async (_, call) => {
    const suspended = await createSignedInUser(deps, { email: newEmail(), status: 'suspended' });
    const error = await failureOf(() =>
      call(callerFor(deps, { token: suspended.token }), suspended.sessionId),
    );
    expect(error).toMatchObject({ code: 'UNAUTHORIZED', reason: 'ACCOUNT_SUSPENDED' });
  });

  it.each(authed)('lets a signed-in user call %s', async (_, call) => {
    const user = await createSignedInUser(deps, { email: newEmail() });
    await expect(call(callerFor(deps, { token: user.token }), user.sessionId)).resolves.toBeDefined();
  });

  it('lets anonymous callers use the public procedures', async () => {
    const anonymous = callerFor(deps);
    const email = newEmail();
    const registered = await anonymous.auth.register({
      email,
      password: STRONG_PASSWORD,
      firstName: 'Anon',
      lastName: 'Ymous',
    });
    expect(registered.token).toBeTruthy();
    await expect(anonymous.auth.login({ email, password: STRONG_PASSWORD })).resolves.toHaveProperty('token');
    await expect(anonymous.auth.requestPasswordReset({ email })).resolves.toEqual({ ok: true });
    expect(
      await failureOf(() =>
        anonymous.auth.resetPassword({ token: 'A'.repeat(43), newPassword: STRONG_PASSWORD }),
      ),
    ).toMatchObject({ reason: 'INVALID_TOKEN' });
    expect(await failureOf(() => anonymous.auth.verifyEmail({ token: 'A'.repeat(43) }))).toMatchObject({
      reason: 'INVALID_TOKEN',
    });
  });
});
