import { authenticate } from '../domain/auth/session.service.ts';
import { ForbiddenError, UnauthenticatedError } from '../domain/errors.ts';
import { baseProcedure } from './init.ts';

/** Who may call a procedure is declared by the base it is built on (issue 3). */
export const publicProcedure = baseProcedure;

export const authedProcedure = publicProcedure.use(async ({ ctx, next }) => {
  if (!ctx.token) throw new UnauthenticatedError();
  const viewer = await authenticate(ctx.deps, ctx.token);
  return next({ ctx: { viewer } });
});

/** Hosts, and admins, who may act for any host. */
export const hostProcedure = authedProcedure.use(({ ctx, next }) => {
  if (ctx.viewer.role === 'guest') throw new ForbiddenError();
  return next();
});

export const adminProcedure = authedProcedure.use(({ ctx, next }) => {
  if (ctx.viewer.role !== 'admin') throw new ForbiddenError();
  return next();
});
