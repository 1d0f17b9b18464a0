import type { PageSize } from '../shared/page.ts';

/** The database CHECKs the same bound on users.email. */
export const EMAIL_MAX_LENGTH = 254;
export const SESSION_PAGE_SIZE = { default: 50, max: 100 } as const satisfies PageSize;

/**
 * A new account. The email is trimmed and kept as typed (citext makes it unique whatever the case, SPEC §3);
 * the password is checked by the password policy here, not on the wire; the phone number is in the same
 * international form as users.updateProfile stores it.
 */
export interface RegisterInput {
  email: string;
  password: string;
  firstName: string;
  lastName: string;
  phoneNumber?: string;
}

export interface LoginInput {
  email: string;
  password: string;
}

export interface ChangePasswordInput {
  currentPassword: string;
  newPassword: string;
}

export interface RequestPasswordResetInput {
  email: string;
}

/** `token` is the mailed single-use code. */
export interface ResetPasswordInput {
  token: string;
  newPassword: string;
}

/** `token` is the mailed single-use code. */
export interface VerifyEmailInput {
  token: string;
}

/** SPEC §10: the address to move to, and the current password as proof. */
export interface RequestEmailChangeInput {
  newEmail: string;
  password: string;
}

/** `code` is the single-use code mailed to the new address. */
export interface ConfirmEmailChangeInput {
  code: string;
}

/** The viewer's own sessions; `cursor` is the previous page's `nextCursor`. */
export interface SessionsInput {
  cursor?: string;
  limit: number;
}
