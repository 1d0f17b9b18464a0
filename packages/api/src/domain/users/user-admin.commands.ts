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
  /** Required of every admin action (SPEC §10): kept on the account and in the audit log; never shown to the user. */
  reason: string;
}

export interface ReinstateUserInput {
  userId: string;
  /** Required of every admin action (SPEC §10): kept in the audit log. */
  reason: string;
}
