import { initTRPC } from '@trpc/server';
import { refusalOfDatabase } from '../domain/db-errors.ts';
import { DomainError } from '../domain/errors.ts';
import type { RestRoute } from '../rest/rest-route.ts';
import type { Context } from './context.ts';
import { describeError, toTRPCError } from './errors.ts';
import { transformer } from './transformer.ts';

/**
 * What a procedure's `.meta()` may say. `deprecated` names what replaces the procedure: the SDK's contract
 * snapshot records it and its declarations show it as `@deprecated` (packages/sdk/README.md, "The contract").
 */
export interface ProcedureMeta {
  deprecated?: string;
  /**
   * Its REST route under /api/v1 (SPEC §8): `{ method, path, tags, protect }`, see rest/rest-route.ts. Every
   * procedure declares one; packages/api/test/integration/rest/rest-routes.test.ts fails on one that does not.
   */
  openapi?: RestRoute;
}

const t = initTRPC
  .context<Context>()
  .meta<ProcedureMeta>()
  .create({
    transformer,
    isDev: false,
    errorFormatter({ shape, error }) {
      const { message, ...data } = describeError(error);
      return {
        code: shape.code,
        message,
        data: { code: shape.data.code, httpStatus: shape.data.httpStatus, path: shape.data.path, ...data },
      };
    },
  });

export const router = t.router;
export const createCallerFactory = t.createCallerFactory;

/**
 * First on every procedure base: services throw DomainErrors, this turns them into TRPC codes.
 * In tRPC v11 `next()` never throws; it returns `{ ok: false, error }` with the thrown value as `cause`.
 */
const mapDomainErrors = t.middleware(async ({ ctx, next, path }) => {
  const result = await next();
  if (result.ok) return result;
  const cause = result.error.cause;
  if (cause instanceof DomainError) throw toTRPCError(cause);
  const refusal = refusalOfDatabase(cause);
  if (refusal) {
    // A schema or a service should have refused this first: say so in the log, with what Postgres said.
    ctx.deps.logger.warn(
      { err: cause, path, reason: refusal.reason, requestId: ctx.meta.requestId },
      'the database refused a request that passed validation',
    );
    throw toTRPCError(refusal);
  }
  return result;
});

/** Logs unexpected failures once, with the request id, where the client only sees "internal server error". */
const logInternalErrors = t.middleware(async ({ ctx, next, path, type }) => {
  const result = await next();
  if (!result.ok && result.error.code === 'INTERNAL_SERVER_ERROR') {
    ctx.deps.logger.error(
      { err: result.error.cause ?? result.error, path, type, requestId: ctx.meta.requestId },
      'procedure failed',
    );
  }
  return result;
});

export const baseProcedure = t.procedure.use(logInternalErrors).use(mapDomainErrors);
export const middleware = t.middleware;
