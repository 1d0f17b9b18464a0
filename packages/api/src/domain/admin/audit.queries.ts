import type { Executor } from '@stayhub/db';
import { afterPosition, timestampKey } from '../shared/keyset.queries.ts';
import type { KeysetPosition } from '../shared/keyset-cursor.ts';
import type { AdminAction, AdminActionRecord, AuditTargetType } from './audit.commands.ts';

export function insertAuditRow(db: Executor, row: AdminActionRecord, at: Date) {
  return db
    .insertInto('admin_audit_log')
    .values({
      actor_id: row.actorId,
      action: row.action,
      target_type: row.targetType,
      target_id: row.targetId,
      reason: row.reason,
      details: row.details ?? {},
      created_at: at,
    })
    .returning('audit_id')
    .executeTakeFirstOrThrow();
}

export interface AuditFilter {
  actorId?: string | undefined;
  action?: AdminAction | undefined;
  targetId?: string | undefined;
  targetType?: AuditTargetType | undefined;
  from?: Date | undefined;
  to?: Date | undefined;
  after: KeysetPosition | undefined;
  limit: number;
}

/**
 * One page of the audit log, newest first: ORDER BY created_at DESC, audit_id ASC with the shared keyset,
 * served by admin_audit_log_newest_idx, or by the actor, target or action index when that filter is given
 * (each is (column, created_at DESC, audit_id)).
 */
export function listAuditRows(db: Executor, filter: AuditFilter) {
  const { after } = filter;
  let query = db
    .selectFrom('admin_audit_log')
    .innerJoin('users', 'users.user_id', 'admin_audit_log.actor_id')
    .select([
      'admin_audit_log.audit_id',
      'admin_audit_log.actor_id',
      'admin_audit_log.action',
      'admin_audit_log.target_type',
      'admin_audit_log.target_id',
      'admin_audit_log.reason',
      'admin_audit_log.details',
      'admin_audit_log.created_at',
      'users.email as actor_email',
    ])
    .select((eb) => timestampKey(eb.ref('admin_audit_log.created_at')).as('position_key'));
  if (filter.actorId !== undefined) query = query.where('admin_audit_log.actor_id', '=', filter.actorId);
  if (filter.action !== undefined) query = query.where('admin_audit_log.action', '=', filter.action);
  if (filter.targetId !== undefined) query = query.where('admin_audit_log.target_id', '=', filter.targetId);
  if (filter.targetType !== undefined)
    query = query.where('admin_audit_log.target_type', '=', filter.targetType);
  if (filter.from !== undefined) query = query.where('admin_audit_log.created_at', '>=', filter.from);
  if (filter.to !== undefined) query = query.where('admin_audit_log.created_at', '<', filter.to);
  if (after) {
    query = query.where((eb) =>
      afterPosition(eb, eb.ref('admin_audit_log.created_at'), eb.ref('admin_audit_log.audit_id'), after),
    );
  }
  return query
    .orderBy('admin_audit_log.created_at', 'desc')
    .orderBy('admin_audit_log.audit_id', 'asc')
    .limit(filter.limit);
}

export type AuditRow = Awaited<ReturnType<ReturnType<typeof listAuditRows>['execute']>>[number];
