import { createHash, randomBytes } from 'node:crypto';
import type { RateLimitRule } from '../../infra/limiter/limiter.ts';

/** SPEC §7 password policy: 8–128 characters (code points, so an emoji counts once) and not a common one. */
export const PASSWORD_MIN_LENGTH = 8;
export const PASSWORD_MAX_LENGTH = 128;

export type PasswordProblem = 'too_short' | 'too_long' | 'too_common';

/** What is wrong with a new password, or null. `isCommon` answers for the shipped common-password list. */
export function passwordProblem(
  password: string,
  isCommon: (password: string) => boolean,
): PasswordProblem | null {
  const length = [...password].length;
  if (length < PASSWORD_MIN_LENGTH) return 'too_short';
  if (length > PASSWORD_MAX_LENGTH) return 'too_long';
  if (isCommon(password)) return 'too_common';
  return null;
}

export const passwordProblemMessages: Record<PasswordProblem, string> = {
  too_short: `use at least ${PASSWORD_MIN_LENGTH} characters`,
  too_long: `use at most ${PASSWORD_MAX_LENGTH} characters`,
  too_common: 'this password is too common; choose another',
};

/**
 * Rate limits (SPEC §7), checked before any password hashing or lookup. Names are Redis key parts and must
 * stay unique. A successful login forgets its email's failures (LOGIN_PER_EMAIL), so only guessing is slowed.
 */
export const rateLimits = {
  loginPerIp: { name: 'auth:login:ip', points: 20, durationSeconds: 60 },
  loginPerEmail: { name: 'auth:login:email', points: 5, durationSeconds: 15 * 60 },
  registerPerIp: { name: 'auth:register:ip', points: 10, durationSeconds: 60 * 60 },
  registerPerEmail: { name: 'auth:register:email', points: 5, durationSeconds: 60 * 60 },
  passwordResetPerIp: { name: 'auth:reset:ip', points: 10, durationSeconds: 60 * 60 },
  passwordResetPerEmail: { name: 'auth:reset:email', points: 3, durationSeconds: 60 * 60 },
  /** A stolen session must not become a way to guess the current password. */
  changePasswordPerUser: { name: 'auth:change-password:user', points: 5, durationSeconds: 15 * 60 },
  /** Each request sends a mail: bound the mail a signed-in user can cause. */
  verificationPerUser: { name: 'auth:verification:user', points: 3, durationSeconds: 60 * 60 },
  /** Each request checks the password and mails a code to an address of the caller's choosing. */
  emailChangePerUser: { name: 'auth:email-change:user', points: 3, durationSeconds: 60 * 60 },
  /** Deleting checks the password: the same bound as changing it. */
  deleteAccountPerUser: { name: 'users:delete-account:user', points: 5, durationSeconds: 15 * 60 },
} as const satisfies Record<string, RateLimitRule>;

/** The form of an address the limiter counts: 'Ann@X.io ' and 'ann@x.io' are one account (citext). */
export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

/** The limiter subject for an email: a hash, so no address is written into Redis keys. */
export function emailSubject(email: string): string {
  return createHash('sha256').update(normaliseEmail(email), 'utf8').digest('hex');
}

/** Calls without a known address (in-process callers) share one bucket rather than escaping the limit. */
export function ipSubject(ip: string | null): string {
  return ip ?? 'unknown';
}

/** Single-use tokens mailed to users (SPEC §7): how long each stays valid. */
export const userTokenTtlMs = {
  password_reset: 60 * 60 * 1000,
  email_verification: 24 * 60 * 60 * 1000,
  email_change: 60 * 60 * 1000,
} as const;

/** 256 random bits, URL-safe; only its SHA-256 is stored (user_tokens.token_hash). */
export function newOneTimeToken(): string {
  return randomBytes(32).toString('base64url');
}

/**
 * One pending mail job per user and purpose: asking twice before the worker runs queues one mail, not two
 * (graphile-worker job keys; the task issues the code when it runs).
 */
export const emailVerificationJobKey = (userId: string) => `send_email_verification:${userId}`;
export const passwordResetJobKey = (userId: string) => `send_password_reset:${userId}`;
/** The newest request replaces a pending one (graphile-worker's replace mode): only its address is mailed. */
export const emailChangeJobKey = (userId: string) => `send_email_change_code:${userId}`;
