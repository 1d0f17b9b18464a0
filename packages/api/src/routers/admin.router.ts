import { listAuditLog } from '../domain/admin/audit.service.ts';
import { adminCancelBooking } from '../domain/bookings/booking-transition.service.ts';
import { suspendProperty } from '../domain/properties/property-suspension.service.ts';
import { listUsers, reinstateUser, suspendUser } from '../domain/users/user-admin.service.ts';
import {
  adminUserList,
  adminUsersInput,
  adminUserView,
  auditLogInput,
  auditLogPage,
  reinstateUserInput,
  suspendPropertyInput,
  suspendUserInput,
} from '../schemas/admin.schemas.ts';
import { adminCancelBookingInput, bookingView } from '../schemas/bookings.schemas.ts';
import { propertyView } from '../schemas/properties.schemas.ts';
import { router } from '../trpc/init.ts';
import { adminProcedure } from '../trpc/procedures.ts';

export const adminRouter = router({
  users: adminProcedure
    .meta({ openapi: { method: 'GET', path: '/admin/users', tags: ['admin'], protect: true } })
    .input(adminUsersInput)
    .output(adminUserList)
    .query(({ ctx, input }) => listUsers(ctx.deps, ctx.viewer, input)),

  suspendUser: adminProcedure
    .meta({
      openapi: { method: 'POST', path: '/admin/users/{userId}/suspend', tags: ['admin'], protect: true },
    })
    .input(suspendUserInput)
    .output(adminUserView)
    .mutation(({ ctx, input }) => suspendUser(ctx.deps, ctx.viewer, input)),

  reinstateUser: adminProcedure
    .meta({
      openapi: { method: 'POST', path: '/admin/users/{userId}/reinstate', tags: ['admin'], protect: true },
    })
    .input(reinstateUserInput)
    .output(adminUserView)
    .mutation(({ ctx, input }) => reinstateUser(ctx.deps, ctx.viewer, input)),

  suspendProperty: adminProcedure
    .meta({
      openapi: {
        method: 'POST',
        path: '/admin/properties/{propertyId}/suspend',
        tags: ['admin'],
        protect: true,
      },
    })
    .input(suspendPropertyInput)
    .output(propertyView)
    .mutation(({ ctx, input }) => suspendProperty(ctx.deps, ctx.viewer, input)),

  cancelBooking: adminProcedure
    .meta({
      openapi: { method: 'POST', path: '/admin/bookings/{bookingId}/cancel', tags: ['admin'], protect: true },
    })
    .input(adminCancelBookingInput)
    .output(bookingView)
    .mutation(({ ctx, input }) => adminCancelBooking(ctx.deps, ctx.viewer, input)),

  /** Every admin action with its reason (SPEC §10), newest first; filters: actor, action, target, time. */
  auditLog: adminProcedure
    .meta({ openapi: { method: 'GET', path: '/admin/audit-log', tags: ['admin'], protect: true } })
    .input(auditLogInput)
    .output(auditLogPage)
    .query(({ ctx, input }) => listAuditLog(ctx.deps, ctx.viewer, input)),
});
