import { listUsers, reinstateUser, suspendUser } from '../domain/users/user-admin.service.ts';
import {
  adminUserList,
  adminUsersInput,
  adminUserView,
  reinstateUserInput,
  suspendUserInput,
} from '../schemas/admin.schemas.ts';
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
});
