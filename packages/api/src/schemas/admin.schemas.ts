import { z } from 'zod';
import {
  ADMIN_REASON_MAX_LENGTH,
  AUDIT_LOG_PAGE_SIZE,
  type AuditLogInput,
  adminActions,
  auditTargetTypes,
} from '../domain/admin/audit.commands.ts';
import type { AuditEntryView, AuditLogPage } from '../domain/admin/audit.views.ts';
import type { SuspendPropertyInput } from '../domain/properties/property.types.ts';
import { schemaFor } from '../domain/shared/schema-for.ts';
import type { AdminUserList, AdminUserView } from '../domain/users/user.views.ts';
import {
  ADMIN_USER_PAGE_SIZE,
  ADMIN_USER_SEARCH_MAX_LENGTH,
  type AdminUsersInput,
  type ReinstateUserInput,
  SUSPENSION_REASON_MAX_LENGTH,
  type SuspendUserInput,
} from '../domain/users/user-admin.commands.ts';
import { keysetCursorInput, pageLimitInput, pageOf } from './shared.schemas.ts';
import { text } from './text.ts';
import { meView } from './users.schemas.ts';

/** What an admin sees of an account: everything the user sees, plus activity and suspension facts. */
export const adminUserView = schemaFor<AdminUserView>()(
  meView.extend({
    /** The latest use of any of the user's open sessions; null when they have none (e.g. once suspended). */
    lastSeenAt: z.date().nullable(),
    suspendedAt: z.date().nullable(),
    suspensionReason: z.string().nullable(),
  }),
);

export const adminUsersInput = schemaFor<AdminUsersInput>()(
  z
    .object({
      /** Case-insensitive substring of the email, first or last name; `%` and `_` match themselves. Blank = no filter. */
      text: text({ max: ADMIN_USER_SEARCH_MAX_LENGTH }).optional(),
      role: z.enum(['guest', 'host', 'admin']).optional(),
      status: z.enum(['active', 'suspended']).optional(),
      cursor: keysetCursorInput,
      limit: pageLimitInput(ADMIN_USER_PAGE_SIZE),
    })
    // `admin.users()` with no input lists the first page.
    .prefault({}),
);

export const adminUserList = schemaFor<AdminUserList>()(pageOf(adminUserView));

export const suspendUserInput = schemaFor<SuspendUserInput>()(
  z.object({
    userId: z.uuid(),
    /** Required (SPEC §10). Kept on the account and in the audit log for other admins; never shown to the user. */
    reason: text({ min: 1, max: SUSPENSION_REASON_MAX_LENGTH }),
  }),
);

export const reinstateUserInput = schemaFor<ReinstateUserInput>()(
  z.object({
    userId: z.uuid(),
    /** Required (SPEC §10); kept in the audit log. */
    reason: text({ min: 1, max: ADMIN_REASON_MAX_LENGTH }),
  }),
);

export const suspendPropertyInput = schemaFor<SuspendPropertyInput>()(
  z.object({
    propertyId: z.uuid(),
    /** Required (SPEC §10). Shown to the host in the notification that tells them; kept in the audit log. */
    reason: text({ min: 1, max: ADMIN_REASON_MAX_LENGTH }),
  }),
);

export const auditLogInput = schemaFor<AuditLogInput>()(
  z
    .object({
      actorId: z.uuid().optional(),
      action: z.enum(adminActions).optional(),
      targetId: z.uuid().optional(),
      targetType: z.enum(auditTargetTypes).optional(),
      /** Actions at or after this instant. */
      from: z.date().optional(),
      /** Actions before this instant. */
      to: z.date().optional(),
      cursor: keysetCursorInput,
      limit: pageLimitInput(AUDIT_LOG_PAGE_SIZE),
    })
    .prefault({}),
);

export const auditEntryView = schemaFor<AuditEntryView>()(
  z.object({
    auditId: z.uuid(),
    actor: z.object({ userId: z.uuid(), email: z.string() }),
    action: z.enum(adminActions),
    targetType: z.enum(auditTargetTypes),
    targetId: z.uuid(),
    reason: z.string(),
    details: z.record(z.string(), z.unknown()),
    createdAt: z.date(),
  }),
);

export const auditLogPage = schemaFor<AuditLogPage>()(pageOf(auditEntryView));
