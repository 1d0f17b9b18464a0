import type { Executor } from '@stayhub/db';
import { sql } from 'kysely';
import { timestampKey } from '../shared/keyset.queries.ts';
import type { KeysetPosition } from '../shared/keyset-cursor.ts';
import { adminUserColumns } from './user.views.ts';

export interface AdminUserFilter {
  /** An ILIKE pattern (containsPattern) matched against email, first and last name. */
  pattern?: string | undefined;
  role?: 'guest' | 'host' | 'admin' | undefined;
  status?: 'active' | 'suspended' | undefined;
  /** Rows strictly after this position in newest-first order. */
  after?: KeysetPosition | undefined;
  limit: number;
}

/** A user's admin columns plus when they were last seen: the latest use of an open session (sessions_user_id_idx). */
function selectAdminUsers(db: Executor) {
  return db
    .selectFrom('users')
    .select(adminUserColumns)
    .select((eb) =>
      eb
        .selectFrom('sessions')
        .whereRef('sessions.user_id', '=', 'users.user_id')
        .select((sub) => sub.fn.max('sessions.last_used_at').as('last_used_at'))
        .as('last_seen_at'),
    );
}

/**
 * One page of admin.users, newest first: ORDER BY (created_at, user_id) DESC with a row-value keyset,
 * served by users_newest_idx; the text filter can use the trigram indexes (email is searched as text,
 * the form its index is built on). `created_at_key` is created_at with microseconds, for the next cursor.
 * The tie-break is user_id DESC, not the ASC of the shared afterPosition, so the keyset stays a row value.
 */
export function adminUserListQuery(db: Executor, filter: AdminUserFilter) {
  const { pattern, role, status, after, limit } = filter;
  let query = selectAdminUsers(db).select((eb) =>
    timestampKey(eb.ref('users.created_at')).as('created_at_key'),
  );
  if (pattern !== undefined) {
    query = query.where((eb) =>
      eb.or([
        eb(eb.cast('users.email', 'text'), 'ilike', pattern),
        eb('users.first_name', 'ilike', pattern),
        eb('users.last_name', 'ilike', pattern),
      ]),
    );
  }
  if (role !== undefined) query = query.where('users.role', '=', role);
  if (status !== undefined) query = query.where('users.status', '=', status);
  if (after !== undefined) {
    query = query.where((eb) =>
      eb(
        eb.refTuple('users.created_at', 'users.user_id'),
        '<',
        eb.tuple(sql<Date>`${after.at}::timestamptz`, after.id),
      ),
    );
  }
  return query.orderBy('users.created_at', 'desc').orderBy('users.user_id', 'desc').limit(limit);
}

export function findAdminUserById(db: Executor, userId: string) {
  return selectAdminUsers(db).where('users.user_id', '=', userId).executeTakeFirst();
}

export function setUserStatus(
  db: Executor,
  userId: string,
  change:
    | { status: 'suspended'; suspended_at: Date; suspension_reason: string | null }
    | { status: 'active'; suspended_at: null; suspension_reason: null },
) {
  return db.updateTable('users').set(change).where('user_id', '=', userId).execute();
}
