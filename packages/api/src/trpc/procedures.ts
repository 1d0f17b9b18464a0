import { ForbiddenError } from '../domain/errors.ts';
import { baseProcedure } from './init.ts';

/** Who may call a procedure is declared by the base it is built on (SPEC §7). */
export const publicProcedure = baseProcedure;

export const authedProcedure = publicProcedure.use(async ({ ctx, next }) =>
  next({ ctx: { viewer: await ctx.resolveViewer() } }),
);

/** Hosts, and admins, who may act for any host. */
export const hostProcedure = authedProcedure.use(({ ctx, next }) => {
  if (ctx.viewer.role === 'guest') throw new ForbiddenError();
  return next();
});

export const adminProcedure = authedProcedure.use(({ ctx, next }) => {
  if (ctx.viewer.role !== 'admin') throw new ForbiddenError();
  return next();
});

/**
 * Public, but aware of who calls when a bearer token comes with the request (`ctx.viewer` is null for
 * anonymous callers). A token that does not authenticate fails as on any authed procedure, rather than
 * silently answering as anonymous.
 */
export const viewerAwareProcedure = publicProcedure.use(async ({ ctx, next }) =>
  next({ ctx: { viewer: ctx.token === null ? null : await ctx.resolveViewer() } }),
);
