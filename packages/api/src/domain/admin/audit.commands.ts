import type { PageRequest, PageSize } from '../shared/page.ts';

/**
 * SPEC §10: every admin action takes a reason and writes an audit row (admin_audit_log) in its own
 * transaction. These are the actions; `admin.auditLog` filters on them.
 */
export const adminActions = ['suspend_user', 'reinstate_user', 'suspend_property', 'cancel_booking'] as const;
export type AdminAction = (typeof adminActions)[number];

export const auditTargetTypes = ['user', 'property', 'booking'] as const;
export type AuditTargetType = (typeof auditTargetTypes)[number];

/** The database CHECKs the same bound on admin_audit_log.reason. */
export const ADMIN_REASON_MAX_LENGTH = 500;
export const AUDIT_LOG_PAGE_SIZE = { default: 50, max: 100 } as const satisfies PageSize;

export type AuditDetails = Record<string, string | number | string[]>;

export interface AdminActionRecord {
  actorId: string;
  action: AdminAction;
  targetType: AuditTargetType;
  targetId: string;
  reason: string;
  /** What the action did beyond its target (e.g. the stays a suspension canceled): ids and counts only. */
  details?: AuditDetails;
}

/** admin.auditLog: newest first, every filter optional; `from` inclusive, `to` exclusive. */
export interface AuditLogInput extends PageRequest {
  actorId?: string | undefined;
  action?: AdminAction | undefined;
  targetId?: string | undefined;
  targetType?: AuditTargetType | undefined;
  from?: Date | undefined;
  to?: Date | undefined;
}
