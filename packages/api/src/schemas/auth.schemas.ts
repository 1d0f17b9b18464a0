import { z } from 'zod';
import { meView, phoneNumberInput } from './users.schemas.ts';

/** Emails are trimmed and kept as typed; citext makes them unique whatever the case (SPEC §3). */
const email = z.string().trim().pipe(z.email().max(254));
/**
 * A password being set. Length and commonness are the service's rule (WEAK_PASSWORD, SPEC §7); the schema
 * only keeps absurd inputs away from argon2.
 */
const newPassword = z.string().max(4_096);
/** A password being checked: whatever was set once. */
const password = z.string().min(1).max(4_096);
/** A mailed single-use code (43 base64url characters as issued; the service decides if it is valid). */
const oneTimeToken = z.string().trim().min(1).max(256);
const name = z.string().trim().min(1).max(100);

export const registerInput = z.object({
  email,
  password: newPassword,
  firstName: name,
  lastName: name,
  /** Stored in the same international form as users.updateProfile stores it. */
  phoneNumber: phoneNumberInput.optional(),
});
export type RegisterInput = z.output<typeof registerInput>;

export const loginInput = z.object({ email, password });
export type LoginInput = z.output<typeof loginInput>;

/** register and login: the only copy of the session token, and the signed-in user. */
export const authResult = z.object({ token: z.string(), user: meView });
export type AuthResult = z.infer<typeof authResult>;

/** The answer of a command that has nothing else to say. */
export const okView = z.object({ ok: z.literal(true) });
export type OkView = z.infer<typeof okView>;

export const revokedView = z.object({ revokedCount: z.number().int().nonnegative() });
export type RevokedView = z.infer<typeof revokedView>;

export const sessionsInput = z
  .object({
    cursor: z.string().max(200).optional(),
    limit: z.number().int().min(1).max(100).default(50),
  })
  .prefault({});
export type SessionsInput = z.output<typeof sessionsInput>;

export const sessionView = z.object({
  sessionId: z.uuid(),
  createdAt: z.date(),
  lastUsedAt: z.date(),
  expiresAt: z.date(),
  userAgent: z.string().nullable(),
  ip: z.string().nullable(),
  /** The session this request was made with. */
  current: z.boolean(),
});
export type SessionView = z.infer<typeof sessionView>;

export const sessionPage = z.object({ items: z.array(sessionView), nextCursor: z.string().nullable() });
export type SessionPage = z.infer<typeof sessionPage>;

export const revokeSessionInput = z.object({ sessionId: z.uuid() });

export const changePasswordInput = z.object({ currentPassword: password, newPassword });
export type ChangePasswordInput = z.output<typeof changePasswordInput>;

export const requestPasswordResetInput = z.object({ email });

export const resetPasswordInput = z.object({ token: oneTimeToken, newPassword });
export type ResetPasswordInput = z.output<typeof resetPasswordInput>;

export const verifyEmailInput = z.object({ token: oneTimeToken });
