import { TRPCError } from '@trpc/server';
import type { TRPC_ERROR_CODE_KEY } from '@trpc/server/rpc';
import { GraphQLError, type GraphQLErrorExtensions } from 'graphql';
import { z } from 'zod';
import { refusalOfDatabase } from '../domain/db-errors.ts';
import { DomainError, type ErrorReason } from '../domain/errors.ts';
import { describeError, type ErrorData, toTRPCError } from '../trpc/errors.ts';

/**
 * What a GraphQL client sees of an error: `extensions.code` and `extensions.reason` from the same list as
 * tRPC's (SPEC §5, §8), because the same mapping makes them — a DomainError becomes the TRPCError the
 * tRPC middleware makes of it (toTRPCError), a zod error a BAD_REQUEST with field paths, a database
 * refusal its ConflictError/ValidationError, and anything else an INTERNAL_SERVER_ERROR whose message says
 * nothing about internals (describeError).
 */
export interface Failure extends ErrorData {
  code: TRPC_ERROR_CODE_KEY;
  message: string;
  /** The database refused what validation let through: worth a warning, like tRPC logs it. */
  refusedByDatabase: boolean;
}

export function failureOf(cause: unknown): Failure {
  const refusal =
    cause instanceof DomainError || cause instanceof z.ZodError ? undefined : refusalOfDatabase(cause);
  const error =
    cause instanceof DomainError
      ? toTRPCError(cause)
      : cause instanceof z.ZodError
        ? new TRPCError({ code: 'BAD_REQUEST', cause })
        : refusal
          ? toTRPCError(refusal)
          : new TRPCError({
              code: 'INTERNAL_SERVER_ERROR',
              cause: cause instanceof Error ? cause : undefined,
            });
  return { code: error.code, ...describeError(error), refusedByDatabase: refusal !== undefined };
}

/** The cause a resolver threw, under graphql-js's located error; undefined for errors of the request itself. */
export function causeOf(error: GraphQLError): unknown {
  let cause: unknown = error.originalError;
  while (cause instanceof GraphQLError && cause.originalError !== undefined) cause = cause.originalError;
  return cause instanceof GraphQLError ? undefined : cause;
}

const requestCodes: Record<number, { code: TRPC_ERROR_CODE_KEY; reason: ErrorReason }> = {
  405: { code: 'METHOD_NOT_SUPPORTED', reason: 'METHOD_NOT_ALLOWED' },
  413: { code: 'PAYLOAD_TOO_LARGE', reason: 'BATCH_TOO_LARGE' },
  415: { code: 'UNSUPPORTED_MEDIA_TYPE', reason: 'UNSUPPORTED_MEDIA_TYPE' },
};

/**
 * yoga's `maskedErrors.maskError`, for every error of a response. An error of the request (syntax,
 * validation, a limit, a variable of the wrong type, a mutation over GET) is a 400-class answer with
 * code BAD_REQUEST (or its HTTP refusal's) and reason VALIDATION_FAILED, or the one its rule gave
 * (QUERY_TOO_COMPLEX); an error a resolver threw is described by failureOf. Execution errors keep HTTP
 * 200 (GraphQL's partial results), request errors are always 4xx, whatever the Accept header.
 */
export function maskError(error: unknown): Error {
  const located = error instanceof GraphQLError ? error : undefined;
  const cause = located ? causeOf(located) : error;
  if (located && cause === undefined) {
    const given = located.extensions;
    const status = given.http?.status ?? 400;
    const byStatus = requestCodes[status];
    const reason =
      typeof given.reason === 'string' ? given.reason : (byStatus?.reason ?? 'VALIDATION_FAILED');
    return new GraphQLError(located.message, {
      nodes: located.nodes,
      source: located.source,
      positions: located.positions,
      path: located.path,
      extensions: {
        code: byStatus?.code ?? 'BAD_REQUEST',
        reason,
        http: { status: status >= 400 && status < 500 ? status : 400, headers: given.http?.headers ?? {} },
      },
    });
  }
  const failure = failureOf(cause);
  const extensions: GraphQLErrorExtensions = {
    code: failure.code,
    reason: failure.reason,
    fieldErrors: failure.fieldErrors,
    retryAfterMs: failure.retryAfterMs,
  };
  if (failure.retryAfterMs !== null) {
    extensions.http = { headers: { 'retry-after': String(Math.ceil(failure.retryAfterMs / 1000)) } };
  }
  return new GraphQLError(failure.message, {
    nodes: located?.nodes,
    source: located?.source,
    positions: located?.positions,
    path: located?.path,
    extensions,
  });
}

/** A request error a limit rule reports: BAD_REQUEST with reason QUERY_TOO_COMPLEX. */
export function tooComplex(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { reason: 'QUERY_TOO_COMPLEX', http: { status: 400 } } });
}
