import { z } from 'zod';
import type { SuspendPropertyInput } from '../domain/properties/property.types.ts';
import { schemaFor } from '../domain/shared/schema-for.ts';
import { meView } from './users.schemas.ts';

/** What an admin sees of an account: everything the user sees, plus activity and suspension facts. */
export const adminUserView = meView.extend({
  /** The latest use of any of the user's open sessions; null when they have none (e.g. once suspended). */
  lastSeenAt: z.date().nullable(),
  suspendedAt: z.date().nullable(),
  suspensionReason: z.string().nullable(),
});
export type AdminUserView = z.infer<typeof adminUserView>;

export const adminUsersInput = z
  .object({
    /** Case-insensitive substring of the email, first or last name; `%` and `_` match themselves. Blank = no filter. */
    text: z.string().trim().max(200).optional(),
    role: z.enum(['guest', 'host', 'admin']).optional(),
    status: z.enum(['active', 'suspended']).optional(),
    /** `nextCursor` of the previous page, as returned (null or absent for the first page). */
    cursor: z.string().max(512).nullish(),
    limit: z.number().int().min(1).max(100).default(20),
  })
  // `admin.users()` with no input lists the first page.
  .prefault({});
export type AdminUsersInput = z.output<typeof adminUsersInput>;

export const adminUserList = z.object({
  items: z.array(adminUserView),
  nextCursor: z.string().nullable(),
});
export type AdminUserList = z.infer<typeof adminUserList>;

export const suspendUserInput = z.object({
  userId: z.uuid(),
  /** Kept on the account for other admins; never shown to the user. */
  reason: z.string().trim().min(1).max(500).optional(),
});
export type SuspendUserInput = z.output<typeof suspendUserInput>;

export const reinstateUserInput = z.object({ userId: z.uuid() });

export const suspendPropertyInput = schemaFor<SuspendPropertyInput>()(
  z.object({
    propertyId: z.uuid(),
    /** Why; shown to the host in the notification that tells them their listing was suspended. */
    reason: z.string().trim().min(1).max(500).optional(),
  }),
);
