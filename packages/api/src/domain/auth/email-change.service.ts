import { afterCommit, inTransaction } from '@stayhub/db';
import { enqueue } from '../../jobs/enqueue.ts';
import { isUniqueViolation } from '../db-errors.ts';
import type { Deps } from '../deps.ts';
import { ConflictError, UnauthenticatedError, ValidationError } from '../errors.ts';
import type { OkView } from '../shared/ok-view.ts';
import {
  findMailRecipient,
  findPasswordHash,
  isEmailInUse,
  lockEmailOf,
  setEmail,
} from './account.queries.ts';
import type { ConfirmEmailChangeInput, RequestEmailChangeInput } from './auth.commands.ts';
import { enforceRateLimits } from './auth.limits.ts';
import { emailChangeCodeMail, emailChangedNoticeMail } from './auth.mails.ts';
import { emailChangeJobKey, normaliseEmail, rateLimits } from './auth.rules.ts';
import { verifyPassword } from './password.ts';
import { hashToken } from './session.rules.ts';
import { consumeEmailChangeToken, deleteUnusedTokens } from './user-token.queries.ts';
import { invalidTokenError, issueUserToken } from './user-token.service.ts';
import type { Viewer } from './viewer.ts';

const emailTaken = () => new ConflictError('EMAIL_TAKEN', 'an account with this email already exists');

/**
 * SPEC §10: asks to move the viewer's account to `newEmail`. Rate-limited per user first (each request
 * checks the password and sends a mail), then the password (a wrong one is a field error, as in
 * changePassword), then the address: the viewer's own is a VALIDATION_FAILED, one any account uses (any
 * case, citext) is EMAIL_TAKEN. A job issues the code and mails it to the new address; nothing changes
 * until it is confirmed. A second request before the job runs replaces the first.
 */
export async function requestEmailChange(
  deps: Deps,
  viewer: Viewer,
  input: RequestEmailChangeInput,
): Promise<OkView> {
  await enforceRateLimits(deps.limiter, [[rateLimits.emailChangePerUser, viewer.userId]]);
  const account = await findPasswordHash(deps.db, viewer.userId);
  if (!account || !(await verifyPassword(account.password_hash, input.password))) {
    throw new ValidationError('the password is wrong', ['password'], 'INVALID_CREDENTIALS');
  }
  const user = await findMailRecipient(deps.db, viewer.userId);
  if (!user) throw new UnauthenticatedError();
  const newEmail = input.newEmail.trim();
  if (normaliseEmail(newEmail) === normaliseEmail(user.email)) {
    throw new ValidationError('this is already your address', ['newEmail']);
  }
  if (await isEmailInUse(deps.db, newEmail)) throw emailTaken();
  await enqueue(
    deps.db,
    'send_email_change_code',
    { userId: viewer.userId, newEmail },
    { jobKey: emailChangeJobKey(viewer.userId), jobKeyMode: 'replace' },
  );
  deps.logger.info({ userId: viewer.userId }, 'email change requested');
  return { ok: true };
}

/**
 * The `send_email_change_code` job: issues a code (1 h) bound to the new address and mails it there. It
 * re-checks that the account is active and the address still free, so a late run sends nothing stale; an
 * earlier unused code stops working.
 */
export async function sendEmailChangeCode(
  deps: Deps,
  job: { userId: string; newEmail: string },
): Promise<void> {
  const user = await findMailRecipient(deps.db, job.userId);
  if (user?.status !== 'active' || (await isEmailInUse(deps.db, job.newEmail))) {
    deps.logger.info(
      { userId: job.userId },
      'email change code not sent: account not active or address taken',
    );
    return;
  }
  await inTransaction(deps.db, async (trx) => {
    const code = await issueUserToken(deps, trx, job.userId, 'email_change', job.newEmail);
    // Mailed once the code is committed: a code that rolled back would never work.
    await afterCommit(trx, () =>
      deps.mailer.send(
        emailChangeCodeMail({ email: job.newEmail, firstName: user.first_name }, code, deps.links),
      ),
    );
  });
  deps.logger.info({ userId: job.userId }, 'email change code mailed');
}

/**
 * SPEC §10: switches the viewer's account to the address the code was mailed to, in one transaction: the
 * code is used up (one winner among concurrent uses), the address set and counted as verified, the codes
 * mailed to the old address retired, and a notice queued to the old address. Only the viewer's own code
 * works (someone else's is INVALID_TOKEN, like a bad one). The address taken meanwhile is EMAIL_TAKEN, from
 * the unique constraint (citext), and nothing changes. Sessions stay.
 */
export async function confirmEmailChange(
  deps: Deps,
  viewer: Viewer,
  input: ConfirmEmailChangeInput,
): Promise<OkView> {
  const now = deps.clock.now();
  try {
    await inTransaction(deps.db, async (trx) => {
      const account = await lockEmailOf(trx, viewer.userId);
      if (!account) throw new UnauthenticatedError();
      const token = await consumeEmailChangeToken(trx, hashToken(input.code), viewer.userId, now);
      if (!token?.new_email) throw invalidTokenError(['code']);
      await setEmail(trx, viewer.userId, token.new_email, now);
      await deleteUnusedTokens(trx, viewer.userId, 'email_change');
      await deleteUnusedTokens(trx, viewer.userId, 'password_reset');
      await deleteUnusedTokens(trx, viewer.userId, 'email_verification');
      await enqueue(
        trx,
        'send_email',
        emailChangedNoticeMail(
          { email: account.email, firstName: account.first_name },
          { newEmail: token.new_email },
        ),
      );
    });
  } catch (error) {
    if (isUniqueViolation(error, 'users_email_key')) throw emailTaken();
    throw error;
  }
  deps.logger.info({ userId: viewer.userId }, 'email changed');
  return { ok: true };
}
