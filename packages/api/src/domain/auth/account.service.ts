import { inTransaction } from '@stayhub/db';
import { enqueue } from '../../jobs/enqueue.ts';
import { isUniqueViolation } from '../db-errors.ts';
import type { Deps } from '../deps.ts';
import { ConflictError, UnauthenticatedError, ValidationError } from '../errors.ts';
import { toMeView } from '../users/user.views.ts';
import { findLoginAccountByEmail, findPasswordHash, insertUser, setPasswordHash } from './account.queries.ts';
import type { ChangePasswordInput, LoginInput, RegisterInput } from './auth.commands.ts';
import { enforceRateLimits } from './auth.limits.ts';
import { emailSubject, emailVerificationJobKey, ipSubject, rateLimits } from './auth.rules.ts';
import type { AuthResult, RevokedView } from './auth.views.ts';
import { checkPassword } from './credentials.ts';
import { hashPassword, verifyPassword } from './password.ts';
import { assertAcceptablePassword } from './password-policy.ts';
import { deleteSessionsOfUser } from './session.queries.ts';
import { invalidateSessionCache, type SessionMeta, startSession } from './session.service.ts';
import { deleteUnusedTokens } from './user-token.queries.ts';
import type { Viewer } from './viewer.ts';

/**
 * Creates an account and signs it in; queues the verification mail in the same transaction (SPEC §6).
 * Rate limits come first, then the password policy, and only then the (deliberately slow) hash.
 */
export async function register(deps: Deps, input: RegisterInput, meta: SessionMeta): Promise<AuthResult> {
  await enforceRateLimits(deps.limiter, [
    [rateLimits.registerPerIp, ipSubject(meta.ip)],
    [rateLimits.registerPerEmail, emailSubject(input.email)],
  ]);
  await assertAcceptablePassword(input.password, 'password');
  const passwordHash = await hashPassword(input.password);
  try {
    const { user, token } = await inTransaction(deps.db, async (trx) => {
      const user = await insertUser(trx, {
        email: input.email.trim(),
        password_hash: passwordHash,
        first_name: input.firstName,
        last_name: input.lastName,
        phone_number: input.phoneNumber ?? null,
      });
      const session = await startSession(deps, trx, user.user_id, meta);
      await enqueue(
        trx,
        'send_email_verification',
        { userId: user.user_id },
        { jobKey: emailVerificationJobKey(user.user_id) },
      );
      return { user, token: session.token };
    });
    deps.logger.info({ userId: user.user_id }, 'account registered');
    return { token, user: toMeView(user) };
  } catch (error) {
    // citext: 'Ann@x.io' after 'ann@x.io' is the same address.
    if (isUniqueViolation(error, 'users_email_key')) {
      throw new ConflictError('EMAIL_TAKEN', 'an account with this email already exists');
    }
    throw error;
  }
}

const invalidCredentials = () => new UnauthenticatedError('INVALID_CREDENTIALS', 'wrong email or password');

/**
 * Signs in. An unknown email and a wrong password are the same INVALID_CREDENTIALS and cost the same one
 * argon2 verify (checkPassword). A suspended account hears ACCOUNT_SUSPENDED only once its password was
 * right, so the state of an account is told only to someone who knows its password.
 */
export async function login(deps: Deps, input: LoginInput, meta: SessionMeta): Promise<AuthResult> {
  const emailKey = emailSubject(input.email);
  await enforceRateLimits(deps.limiter, [
    [rateLimits.loginPerIp, ipSubject(meta.ip)],
    [rateLimits.loginPerEmail, emailKey],
  ]);
  const account = await findLoginAccountByEmail(deps.db, input.email.trim());
  const passwordMatches = await checkPassword(account?.password_hash, input.password);
  if (!account || !passwordMatches) throw invalidCredentials();
  if (account.status !== 'active') {
    throw new UnauthenticatedError('ACCOUNT_SUSPENDED', 'this account is suspended');
  }
  await deps.limiter.reset(rateLimits.loginPerEmail, emailKey);
  const session = await startSession(deps, deps.db, account.user_id, meta);
  deps.logger.info({ userId: account.user_id, sessionId: session.sessionId }, 'signed in');
  return { token: session.token, user: toMeView(account) };
}

/**
 * Sets a new password after checking the current one, and signs out every other session (SPEC §7); the
 * session making the change stays. Unused reset codes stop working too. A wrong current password is a
 * field error (BAD_REQUEST, INVALID_CREDENTIALS on currentPassword), not UNAUTHORIZED: the caller's
 * session is fine, and clients treat UNAUTHORIZED as "signed out".
 */
export async function changePassword(
  deps: Deps,
  viewer: Viewer,
  input: ChangePasswordInput,
): Promise<RevokedView> {
  await enforceRateLimits(deps.limiter, [[rateLimits.changePasswordPerUser, viewer.userId]]);
  await assertAcceptablePassword(input.newPassword, 'newPassword');
  const account = await findPasswordHash(deps.db, viewer.userId);
  if (!account || !(await verifyPassword(account.password_hash, input.currentPassword))) {
    throw new ValidationError('the current password is wrong', ['currentPassword'], 'INVALID_CREDENTIALS');
  }
  const passwordHash = await hashPassword(input.newPassword);
  const revoked = await inTransaction(deps.db, async (trx) => {
    await setPasswordHash(trx, viewer.userId, passwordHash, deps.clock.now());
    await deleteUnusedTokens(trx, viewer.userId, 'password_reset');
    const deleted = await deleteSessionsOfUser(trx, viewer.userId, viewer.sessionId);
    await invalidateSessionCache(
      trx,
      deps,
      deleted.map((row) => row.token_hash),
    );
    return deleted;
  });
  deps.logger.info({ userId: viewer.userId, revokedSessions: revoked.length }, 'password changed');
  return { revokedCount: revoked.length };
}
