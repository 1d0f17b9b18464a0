import { TRPCError } from '@trpc/server';
import type { TRPC_ERROR_CODE_KEY } from '@trpc/server/rpc';
import { z } from 'zod';
import {
  DomainError,
  type ErrorKind,
  type ErrorReason,
  RateLimitedError,
  UnavailableError,
  ValidationError,
} from '../domain/errors.ts';

const codeByKind: Record<ErrorKind, TRPC_ERROR_CODE_KEY> = {
  validation: 'BAD_REQUEST',
  unauthenticated: 'UNAUTHORIZED',
  forbidden: 'FORBIDDEN',
  not_found: 'NOT_FOUND',
  conflict: 'CONFLICT',
  rule_violation: 'UNPROCESSABLE_CONTENT',
  payment_declined: 'PAYMENT_REQUIRED',
  rate_limited: 'TOO_MANY_REQUESTS',
  unavailable: 'SERVICE_UNAVAILABLE',
};

/** The reason a client sees for errors that did not come from a service. */
const reasonByCode: Partial<Record<TRPC_ERROR_CODE_KEY, ErrorReason>> = {
  BAD_REQUEST: 'VALIDATION_FAILED',
  PARSE_ERROR: 'VALIDATION_FAILED',
  UNAUTHORIZED: 'UNAUTHENTICATED',
  FORBIDDEN: 'FORBIDDEN',
  NOT_FOUND: 'NOT_FOUND',
  CONFLICT: 'CONFLICT',
  UNPROCESSABLE_CONTENT: 'RULE_VIOLATION',
  PAYMENT_REQUIRED: 'PAYMENT_DECLINED',
  TOO_MANY_REQUESTS: 'RATE_LIMITED',
  PAYLOAD_TOO_LARGE: 'PAYLOAD_TOO_LARGE',
  METHOD_NOT_SUPPORTED: 'METHOD_NOT_ALLOWED',
  UNSUPPORTED_MEDIA_TYPE: 'UNSUPPORTED_MEDIA_TYPE',
  SERVICE_UNAVAILABLE: 'UNAVAILABLE',
};

export function toTRPCError(error: DomainError): TRPCError {
  return new TRPCError({ code: codeByKind[error.kind], message: error.message, cause: error });
}

export interface FieldError {
  path: string;
  message: string;
}

export interface ErrorData {
  reason: ErrorReason;
  fieldErrors: FieldError[] | null;
  retryAfterMs: number | null;
}

/** What errorFormatter adds to every error: a stable reason, field paths for validation, and never a stack. */
export function describeError(error: TRPCError): ErrorData & { message: string } {
  const cause = error.cause;
  if (cause instanceof z.ZodError) {
    return {
      message: 'invalid input',
      reason: 'VALIDATION_FAILED',
      fieldErrors: cause.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message })),
      retryAfterMs: null,
    };
  }
  if (cause instanceof DomainError) {
    return {
      message: cause.message,
      reason: cause.reason,
      fieldErrors:
        cause instanceof ValidationError ? [{ path: cause.path.join('.'), message: cause.message }] : null,
      retryAfterMs:
        cause instanceof RateLimitedError || cause instanceof UnavailableError ? cause.retryAfterMs : null,
    };
  }
  if (error.code === 'INTERNAL_SERVER_ERROR') {
    // A 500 says nothing about internals: no message from the cause, no SQL, no stack.
    return { message: 'internal server error', reason: 'INTERNAL', fieldErrors: null, retryAfterMs: null };
  }
  return {
    message: error.message,
    reason: reasonByCode[error.code] ?? 'INTERNAL',
    fieldErrors: null,
    retryAfterMs: null,
  };
}
