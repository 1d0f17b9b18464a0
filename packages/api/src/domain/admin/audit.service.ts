import type { Executor } from '@stayhub/db';
import type { Viewer } from '../auth/viewer.ts';
import type { Deps } from '../deps.ts';
import { ForbiddenError } from '../errors.ts';
import { keysetPage, readKeysetCursor } from '../shared/keyset-cursor.ts';
import type { AdminActionRecord, AuditLogInput } from './audit.commands.ts';
import { insertAuditRow, listAuditRows } from './audit.queries.ts';
import { type AuditLogPage, toAuditEntryView } from './audit.views.ts';

/**
 * Writes the audit row of an admin action on the action's own transaction (SPEC §10), so the row exists if
 * and only if the action commits. Every admin service calls it once per action.
 */
export async function recordAdminAction(
  trx: Executor,
  deps: Pick<Deps, 'clock'>,
  record: AdminActionRecord,
): Promise<void> {
  await insertAuditRow(trx, record, deps.clock.now());
}

/** admin.auditLog: every admin action, newest first, filtered by actor, action, target and time; keyset-paged. */
export async function listAuditLog(deps: Deps, viewer: Viewer, input: AuditLogInput): Promise<AuditLogPage> {
  if (viewer.role !== 'admin') throw new ForbiddenError();
  const rows = await listAuditRows(deps.db, {
    actorId: input.actorId,
    action: input.action,
    targetId: input.targetId,
    targetType: input.targetType,
    from: input.from,
    to: input.to,
    after: readKeysetCursor(input.cursor),
    limit: input.limit + 1,
  }).execute();
  const { page, nextCursor } = keysetPage(rows, input.limit, (row) => ({
    at: row.position_key,
    id: row.audit_id,
  }));
  return { items: page.map(toAuditEntryView), nextCursor };
}
