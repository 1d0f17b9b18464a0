import type { UserRole, UserStatus } from '@stayhub/db';
import type { PageRequest, PageSize } from '../shared/page.ts';

export const ADMIN_USER_PAGE_SIZE = { default: 20, max: 100 } as const satisfies PageSize;
export const ADMIN_USER_SEARCH_MAX_LENGTH = 200;
/** The database CHECKs the same bound on users.suspension_reason. */
export const SUSPENSION_REASON_MAX_LENGTH = 500;

/** admin.users: accounts newest first, filtered. */
export interface AdminUsersInput extends PageRequest {
  /** Case-insensitive substring of the email, first or last name; `%` and `_` match themselves. Blank = no filter. */
  text?: string;
  role?: UserRole;
  status?: UserStatus;
}

export interface SuspendUserInput {
  userId: string;
  /** Kept on the account for other admins; never shown to the user. */
  reason?: string;
}

export interface ReinstateUserInput {
  userId: string;
}
