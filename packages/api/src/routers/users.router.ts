import { getPublicProfile } from '../domain/users/profile.service.ts';
import { becomeHost, getMe, updateProfile } from '../domain/users/user.service.ts';
import { meView, profileInput, publicProfileView, updateProfileInput } from '../schemas/users.schemas.ts';
import { router } from '../trpc/init.ts';
import { authedProcedure, publicProcedure } from '../trpc/procedures.ts';

export const usersRouter = router({
  me: authedProcedure.output(meView).query(({ ctx }) => getMe(ctx.deps, ctx.viewer)),

  updateProfile: authedProcedure
    .input(updateProfileInput)
    .output(meView)
    .mutation(({ ctx, input }) => updateProfile(ctx.deps, ctx.viewer, input)),

  becomeHost: authedProcedure.output(meView).mutation(({ ctx }) => becomeHost(ctx.deps, ctx.viewer)),

  profile: publicProcedure
    .input(profileInput)
    .output(publicProfileView)
    .query(({ ctx, input }) => getPublicProfile(ctx.deps, input.userId)),
});
