import { z } from 'zod';
import {
  type ChangePasswordInput,
  type ConfirmEmailChangeInput,
  EMAIL_MAX_LENGTH,
  type LoginInput,
  type RegisterInput,
  type RequestEmailChangeInput,
  type RequestPasswordResetInput,
  type ResetPasswordInput,
  SESSION_PAGE_SIZE,
  type SessionsInput,
  type VerifyEmailInput,
} from '../domain/auth/auth.commands.ts';
import type { AuthResult, RevokedView, SessionPage, SessionView } from '../domain/auth/auth.views.ts';
import { schemaFor } from '../domain/shared/schema-for.ts';
import { pageLimitInput, pageOf } from './shared.schemas.ts';
import { text } from './text.ts';
import { meView, nameInput, phoneNumberInput } from './users.schemas.ts';

/** Emails are trimmed and kept as typed; citext makes them unique whatever the case (SPEC §3). */
const email = text({ max: EMAIL_MAX_LENGTH }).pipe(z.email());
/**
 * A password being set. Length and commonness are the service's rule (WEAK_PASSWORD, SPEC §7); the schema
 * only keeps absurd inputs away from argon2.
 */
const newPassword = text({ max: 4_096, trim: false, normalize: false });
/** A password being checked: whatever was set once. */
const password = text({ min: 1, max: 4_096, trim: false, normalize: false });
/** A mailed single-use code (43 base64url characters as issued; the service decides if it is valid). */
const oneTimeToken = text({ min: 1, max: 256, normalize: false });

export const registerInput = schemaFor<RegisterInput>()(
  z.object({
    email,
    password: newPassword,
    firstName: nameInput,
    lastName: nameInput,
    /** Stored in the same international form as users.updateProfile stores it. */
    phoneNumber: phoneNumberInput.optional(),
  }),
);

export const loginInput = schemaFor<LoginInput>()(z.object({ email, password }));

/** register and login: the only copy of the session token, and the signed-in user. */
export const authResult = schemaFor<AuthResult>()(z.object({ token: z.string(), user: meView }));

export const revokedView = schemaFor<RevokedView>()(
  z.object({ revokedCount: z.number().int().nonnegative() }),
);

export const sessionsInput = schemaFor<SessionsInput>()(
  z
    .object({
      /** `nextCursor` of the previous page, as returned; the length keeps absurd strings from the decoder. */
      cursor: z.string().max(200).optional(),
      limit: pageLimitInput(SESSION_PAGE_SIZE),
    })
    .prefault({}),
);

export const sessionView = schemaFor<SessionView>()(
  z.object({
    sessionId: z.uuid(),
    createdAt: z.date(),
    lastUsedAt: z.date(),
    expiresAt: z.date(),
    userAgent: z.string().nullable(),
    ip: z.string().nullable(),
    /** The session this request was made with. */
    current: z.boolean(),
  }),
);

export const sessionPage = schemaFor<SessionPage>()(pageOf(sessionView));

export const revokeSessionInput = z.object({ sessionId: z.uuid() });

export const changePasswordInput = schemaFor<ChangePasswordInput>()(
  z.object({ currentPassword: password, newPassword }),
);

export const requestPasswordResetInput = schemaFor<RequestPasswordResetInput>()(z.object({ email }));

export const resetPasswordInput = schemaFor<ResetPasswordInput>()(
  z.object({ token: oneTimeToken, newPassword }),
);

export const verifyEmailInput = schemaFor<VerifyEmailInput>()(z.object({ token: oneTimeToken }));

/** SPEC §10: the address to move to (trimmed, kept as typed) and the current password. */
export const requestEmailChangeInput = schemaFor<RequestEmailChangeInput>()(
  z.object({ newEmail: email, password }),
);

/** `code`: the single-use code mailed to the new address. */
export const confirmEmailChangeInput = schemaFor<ConfirmEmailChangeInput>()(z.object({ code: oneTimeToken }));
