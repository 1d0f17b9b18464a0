import { afterCommit, inTransaction } from '@stayhub/db';
import { enqueue } from '../../jobs/enqueue.ts';
import type { Deps } from '../deps.ts';
import type { OkView } from '../shared/ok-view.ts';
import {
  findActiveUserIdByEmail,
  findMailRecipient,
  markEmailVerified,
  setPasswordHash,
} from './account.queries.ts';
import type { RequestPasswordResetInput, ResetPasswordInput } from './auth.commands.ts';
import { enforceRateLimits } from './auth.limits.ts';
import { passwordResetMail } from './auth.mails.ts';
import { emailSubject, ipSubject, passwordResetJobKey, rateLimits } from './auth.rules.ts';
import { hashPassword } from './password.ts';
import { assertAcceptablePassword } from './password-policy.ts';
import { deleteSessionsOfUser } from './session.queries.ts';
import { invalidateSessionCache, type SessionMeta } from './session.service.ts';
import { deleteUnusedTokens } from './user-token.queries.ts';
import { assertUsableToken, consumeUserToken, issueUserToken } from './user-token.service.ts';

/**
 * Asks for a reset code by email. The answer is the same whether or not the address has an account (no
 * account enumeration); only an existing, active account gets a job, and the job — not this request —
 * creates the code and mails it, so no secret ever sits in the job table.
 */
export async function requestPasswordReset(
  deps: Deps,
  input: RequestPasswordResetInput,
  meta: SessionMeta,
): Promise<OkView> {
  await enforceRateLimits(deps.limiter, [
    [rateLimits.passwordResetPerIp, ipSubject(meta.ip)],
    [rateLimits.passwordResetPerEmail, emailSubject(input.email)],
  ]);
  const user = await findActiveUserIdByEmail(deps.db, input.email.trim());
  if (user) {
    await enqueue(
      deps.db,
      'send_password_reset',
      { userId: user.user_id },
      { jobKey: passwordResetJobKey(user.user_id) },
    );
  }
  return { ok: true };
}

/**
 * The `send_password_reset` job: issues a code (1 h) and mails it. It re-checks that the account is still
 * active, so a retry or a late run after a suspension is harmless; a retry issues a fresh code, which
 * replaces any unused earlier one.
 */
export async function sendPasswordReset(deps: Deps, userId: string): Promise<void> {
  const user = await findMailRecipient(deps.db, userId);
  if (user?.status !== 'active') {
    deps.logger.info({ userId }, 'password reset not sent: the account is gone or not active');
    return;
  }
  await inTransaction(deps.db, async (trx) => {
    const token = await issueUserToken(deps, trx, userId, 'password_reset');
    // Mailed once the code is committed: a code that rolled back would never work.
    await afterCommit(trx, () =>
      deps.mailer.send(
        passwordResetMail({ email: user.email, firstName: user.first_name }, token, deps.links),
      ),
    );
  });
  deps.logger.info({ userId }, 'password reset code mailed');
}

/**
 * Sets a new password with a mailed code: the code is used up, every session of the user ends (SPEC §7),
 * and the email counts as verified, since the code reached that address. The code is checked before the
 * slow hash and used up in the same transaction as the change, so two concurrent uses cannot both win.
 */
export async function resetPassword(deps: Deps, input: ResetPasswordInput): Promise<OkView> {
  await assertAcceptablePassword(input.newPassword, 'newPassword');
  const now = deps.clock.now();
  await assertUsableToken(deps.db, input.token, 'password_reset', now);
  const passwordHash = await hashPassword(input.newPassword);
  const { userId, revoked } = await inTransaction(deps.db, async (trx) => {
    const userId = await consumeUserToken(trx, input.token, 'password_reset', now);
    await setPasswordHash(trx, userId, passwordHash, now);
    await markEmailVerified(trx, userId, now);
    await deleteUnusedTokens(trx, userId, 'password_reset');
    const deleted = await deleteSessionsOfUser(trx, userId);
    await invalidateSessionCache(
      trx,
      deps,
      deleted.map((row) => row.token_hash),
    );
    return { userId, revoked: deleted };
  });
  deps.logger.info({ userId, revokedSessions: revoked.length }, 'password reset');
  return { ok: true };
}
