import { Writable } from 'node:stream';
import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { redactPaths } from '../../../src/logger.ts';
import { callerFor, failureOf, type TestDeps, useTestDeps } from '../../../src/testing/index.ts';
import { runDueJobs } from '../../../src/testing/jobs.ts';
import { codeMailedTo, newEmail, STRONG_PASSWORD } from './helpers.ts';

const base = await useTestDeps();
const lines: string[] = [];
const sink = new Writable({
  write(chunk, _encoding, done) {
    lines.push(String(chunk));
    done();
  },
});
// The production logger's redaction, at the most verbose level.
const logger = pino({ level: 'trace', redact: { paths: redactPaths, censor: '[redacted]' } }, sink);
const deps: TestDeps = { ...base, logger };

describe('auth logging', () => {
  it('logs the account events with ids but never a password, session token or mailed code', async () => {
    const email = newEmail();
    const newPassword = 'a-brand-new-passphrase';
    const { token } = await callerFor(deps).auth.register({
      email,
      password: STRONG_PASSWORD,
      firstName: 'Log',
      lastName: 'Reader',
    });
    const login = await callerFor(deps).auth.login({ email, password: STRONG_PASSWORD });
    await failureOf(() => callerFor(deps).auth.login({ email, password: 'a-wrong-guess' }));
    await runDueJobs(deps);
    const verificationCode = codeMailedTo(deps.mailer, email);
    await callerFor(deps).auth.verifyEmail({ token: verificationCode });
    await callerFor(deps).auth.requestPasswordReset({ email });
    await runDueJobs(deps);
    const resetCode = codeMailedTo(deps.mailer, email);
    await callerFor(deps).auth.resetPassword({ token: resetCode, newPassword });

    const log = lines.join('');
    for (const event of ['account registered', 'signed in', 'email verified', 'password reset']) {
      expect(log).toContain(event);
    }
    for (const secret of [
      STRONG_PASSWORD,
      newPassword,
      'a-wrong-guess',
      token,
      login.token,
      verificationCode,
      resetCode,
    ]) {
      expect(log).not.toContain(secret);
    }
  });
});
