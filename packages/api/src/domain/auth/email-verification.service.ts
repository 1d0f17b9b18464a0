import { afterCommit, inTransaction } from '@stayhub/db';
import { enqueue } from '../../jobs/enqueue.ts';
import type { Deps } from '../deps.ts';
import { ConflictError, UnauthenticatedError } from '../errors.ts';
import type { OkView } from '../shared/ok-view.ts';
import { findMailRecipient, markEmailVerified } from './account.queries.ts';
import type { VerifyEmailInput } from './auth.commands.ts';
import { enforceRateLimits } from './auth.limits.ts';
import { emailVerificationMail } from './auth.mails.ts';
import { emailVerificationJobKey, rateLimits } from './auth.rules.ts';
import { consumeUserToken, issueUserToken } from './user-token.service.ts';
import type { Viewer } from './viewer.ts';

/** Sends the viewer a new verification code; an address already verified is a CONFLICT (ALREADY_VERIFIED). */
export async function requestEmailVerification(deps: Deps, viewer: Viewer): Promise<OkView> {
  const user = await findMailRecipient(deps.db, viewer.userId);
  if (!user) throw new UnauthenticatedError();
  if (user.email_verified_at) throw new ConflictError('ALREADY_VERIFIED', 'your email is already verified');
  await enforceRateLimits(deps.limiter, [[rateLimits.verificationPerUser, viewer.userId]]);
  await enqueue(
    deps.db,
    'send_email_verification',
    { userId: viewer.userId },
    { jobKey: emailVerificationJobKey(viewer.userId) },
  );
  return { ok: true };
}

/**
 * The `send_email_verification` job: issues a code (24 h) and mails it. It re-checks that the account is
 * active and still unverified, so a retry, or a job queued before the address was verified, sends nothing.
 */
export async function sendEmailVerification(deps: Deps, userId: string): Promise<void> {
  const user = await findMailRecipient(deps.db, userId);
  if (user?.status !== 'active' || user.email_verified_at) {
    deps.logger.info(
      { userId },
      'verification not sent: the account is gone, not active or already verified',
    );
    return;
  }
  await inTransaction(deps.db, async (trx) => {
    const token = await issueUserToken(deps, trx, userId, 'email_verification');
    // Mailed once the code is committed: a code that rolled back would never work.
    await afterCommit(trx, () =>
      deps.mailer.send(
        emailVerificationMail({ email: user.email, firstName: user.first_name }, token, deps.links),
      ),
    );
  });
  deps.logger.info({ userId }, 'verification code mailed');
}

/** Marks the code's address verified and uses the code up; public, as the code is the proof. */
export async function verifyEmail(deps: Deps, input: VerifyEmailInput): Promise<OkView> {
  const now = deps.clock.now();
  const userId = await inTransaction(deps.db, async (trx) => {
    const userId = await consumeUserToken(trx, input.token, 'email_verification', now);
    await markEmailVerified(trx, userId, now);
    return userId;
  });
  deps.logger.info({ userId }, 'email verified');
  return { ok: true };
}
