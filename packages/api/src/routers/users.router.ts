import { deleteAccount } from '../domain/users/account-deletion.service.ts';
import { exportAccountData } from '../domain/users/account-export.service.ts';
import { getPublicProfile } from '../domain/users/profile.service.ts';
import { becomeHost, getMe, updateProfile } from '../domain/users/user.service.ts';
import { okView } from '../schemas/shared.schemas.ts';
import {
  accountExportView,
  deleteAccountInput,
  meView,
  profileInput,
  publicProfileView,
  updateProfileInput,
} from '../schemas/users.schemas.ts';
import { router } from '../trpc/init.ts';
import { authedProcedure, publicProcedure } from '../trpc/procedures.ts';

export const usersRouter = router({
  me: authedProcedure
    .meta({ openapi: { method: 'GET', path: '/users/me', tags: ['users'], protect: true } })
    .output(meView)
    .query(({ ctx }) => getMe(ctx.deps, ctx.viewer)),

  updateProfile: authedProcedure
    .meta({ openapi: { method: 'PATCH', path: '/users/me', tags: ['users'], protect: true } })
    .input(updateProfileInput)
    .output(meView)
    .mutation(({ ctx, input }) => updateProfile(ctx.deps, ctx.viewer, input)),

  becomeHost: authedProcedure
    .meta({ openapi: { method: 'POST', path: '/users/me/become-host', tags: ['users'], protect: true } })
    .output(meView)
    .mutation(({ ctx }) => becomeHost(ctx.deps, ctx.viewer)),

  profile: publicProcedure
    .meta({ openapi: { method: 'GET', path: '/users/{userId}', tags: ['users'] } })
    .input(profileInput)
    .output(publicProfileView)
    .query(({ ctx, input }) => getPublicProfile(ctx.deps, input.userId)),

  exportData: authedProcedure
    .meta({ openapi: { method: 'GET', path: '/users/me/export', tags: ['users'], protect: true } })
    .output(accountExportView)
    .query(({ ctx }) => exportAccountData(ctx.deps, ctx.viewer)),

  deleteAccount: authedProcedure
    .meta({ openapi: { method: 'POST', path: '/users/me/delete', tags: ['users'], protect: true } })
    .input(deleteAccountInput)
    .output(okView)
    .mutation(({ ctx, input }) => deleteAccount(ctx.deps, ctx.viewer, input)),
});
