import type { Page } from '../shared/page.ts';
import { type AdminAction, type AuditTargetType, adminActions, auditTargetTypes } from './audit.commands.ts';
import type { AuditRow } from './audit.queries.ts';

/** One admin action as admin.auditLog shows it. */
export interface AuditEntryView {
  auditId: string;
  actor: { userId: string; email: string };
  action: AdminAction;
  targetType: AuditTargetType;
  targetId: string;
  reason: string;
  details: Record<string, unknown>;
  createdAt: Date;
}

export type AuditLogPage = Page<AuditEntryView>;

const isAction = (value: string): value is AdminAction => adminActions.some((action) => action === value);
const isTargetType = (value: string): value is AuditTargetType =>
  auditTargetTypes.some((type) => type === value);
const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

export function toAuditEntryView(row: AuditRow): AuditEntryView {
  // The CHECK constraints and insertAuditRow keep both to these values; a row from a later release that
  // adds one still shows, under its own name.
  if (!isAction(row.action) || !isTargetType(row.target_type)) {
    throw new Error(`audit row ${row.audit_id} has an action or target this release does not know`);
  }
  return {
    auditId: row.audit_id,
    actor: { userId: row.actor_id, email: row.actor_email },
    action: row.action,
    targetType: row.target_type,
    targetId: row.target_id,
    reason: row.reason,
    details: isRecord(row.details) ? row.details : {},
    createdAt: row.created_at,
  };
}
