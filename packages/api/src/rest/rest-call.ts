import { getTRPCErrorFromUnknown, type TRPC_ERROR_CODE_KEY, type TRPCError } from '@trpc/server';
import { getHTTPStatusCodeFromError } from '@trpc/server/http';
import type { ErrorReason } from '../domain/errors.ts';
import { appRouter } from '../routers/app.router.ts';
import type { Context } from '../trpc/context.ts';
import { describeError, type FieldError } from '../trpc/errors.ts';
import { createCallerFactory } from '../trpc/init.ts';
import type { RestOperation } from './rest-operations.ts';
import { inputFromPath, inputFromQuery } from './rest-query.ts';

/** The body of every REST error (SPEC §8): the tRPC code, the stable reason, and field paths for validation. */
export interface RestErrorBody {
  code: TRPC_ERROR_CODE_KEY;
  reason: ErrorReason;
  message: string;
  fieldErrors?: FieldError[];
}

export type RestResult =
  | { ok: true; status: 200; body: unknown }
  | { ok: false; status: number; body: RestErrorBody; retryAfterSeconds: number | null };

/** What an HTTP request gives an operation: path parameters, the query string and the parsed JSON body. */
export interface RestRequest {
  params: Record<string, string>;
  query: URLSearchParams;
  body: unknown;
}

const createCaller = createCallerFactory(appRouter);

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * The procedure's input: path parameters over the query string (GET, DELETE) or the JSON body (others).
 * A body that is not an object is passed on as it is when there are no path parameters, so the schema
 * refuses it with its own message; path parameters always win over a body field of the same name.
 */
export function restInput(operation: RestOperation, request: RestRequest): unknown {
  if (operation.input === null) return undefined;
  const fromPath = inputFromPath(request.params, operation.inputSchema);
  const readsQuery = operation.route.method === 'GET' || operation.route.method === 'DELETE';
  if (readsQuery) return { ...inputFromQuery(request.query, operation.inputSchema), ...fromPath };
  if (operation.pathParams.length === 0) return request.body;
  return isObject(request.body)
    ? { ...request.body, ...fromPath }
    : request.body === undefined
      ? fromPath
      : request.body;
}

/** A failed call as REST answers it: the status of its tRPC code, `{ code, reason, message, fieldErrors? }`. */
export function restError(error: TRPCError): Extract<RestResult, { ok: false }> {
  const { message, reason, fieldErrors, retryAfterMs } = describeError(error);
  return {
    ok: false,
    status: getHTTPStatusCodeFromError(error),
    body: { code: error.code, reason, message, ...(fieldErrors ? { fieldErrors } : {}) },
    retryAfterSeconds: retryAfterMs !== null && retryAfterMs > 0 ? Math.ceil(retryAfterMs / 1000) : null,
  };
}

/**
 * Calls the operation's procedure through a server-side caller of the app router, so the same procedure
 * base, middlewares (domain errors → TRPC codes, logging), input and output parsers run as over /trpc.
 */
export async function callRest(operation: RestOperation, ctx: Context, input: unknown): Promise<RestResult> {
  const procedure = operation.procedure
    .split('.')
    .reduce<unknown>(
      (node, key) => (node === undefined || node === null ? undefined : Reflect.get(Object(node), key)),
      createCaller(ctx),
    );
  if (typeof procedure !== 'function') throw new Error(`no procedure at ${operation.procedure}`);
  try {
    return { ok: true, status: 200, body: await procedure(input) };
  } catch (cause) {
    return restError(getTRPCErrorFromUnknown(cause));
  }
}
