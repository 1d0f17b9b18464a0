import { adminCancelBooking } from '../domain/bookings/booking-transition.service.ts';
import { suspendProperty } from '../domain/properties/property-suspension.service.ts';
import { listUsers, reinstateUser, suspendUser } from '../domain/users/user-admin.service.ts';
import {
  adminUserList,
  adminUsersInput,
  adminUserView,
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
    .input(adminUsersInput)
    .output(adminUserList)
    .query(({ ctx, input }) => listUsers(ctx.deps, ctx.viewer, input)),

  suspendUser: adminProcedure
    .input(suspendUserInput)
    .output(adminUserView)
    .mutation(({ ctx, input }) => suspendUser(ctx.deps, ctx.viewer, input)),

  reinstateUser: adminProcedure
    .input(reinstateUserInput)
    .output(adminUserView)
    .mutation(({ ctx, input }) => reinstateUser(ctx.deps, ctx.viewer, input)),

  suspendProperty: adminProcedure
    .input(suspendPropertyInput)
    .output(propertyView)
    .mutation(({ ctx, input }) => suspendProperty(ctx.deps, ctx.viewer, input)),

  cancelBooking: adminProcedure
    .input(adminCancelBookingInput)
    .output(bookingView)
    .mutation(({ ctx, input }) => adminCancelBooking(ctx.deps, ctx.viewer, input)),
});
