import pg from 'pg';
import { ConflictError, type DomainError, UnavailableError, ValidationError } from './errors.ts';

/** SQLSTATEs a service expects and turns into a ConflictError (STYLE "Errors"). */
const SQLSTATE = { uniqueViolation: '23505', exclusionViolation: '23P01' } as const;

function isPgError(error: unknown): error is pg.DatabaseError {
  return error instanceof pg.DatabaseError;
}

/** A unique violation, optionally of one named constraint. */
export function isUniqueViolation(error: unknown, constraint?: string): boolean {
  return (
    isPgError(error) &&
    error.code === SQLSTATE.uniqueViolation &&
    (constraint === undefined || error.constraint === constraint)
  );
}

/** An EXCLUDE constraint said no: two holds of one property overlap (SPEC §3 occupancy). */
export function isExclusionViolation(error: unknown): boolean {
  return isPgError(error) && error.code === SQLSTATE.exclusionViolation;
}

/** `work`, with an exclusion violation turned into CONFLICT DATES_UNAVAILABLE; other errors pass unchanged. */
export async function orDatesUnavailable<T>(work: Promise<T>): Promise<T> {
  try {
    return await work;
  } catch (error) {
    if (isExclusionViolation(error)) {
      throw new ConflictError('DATES_UNAVAILABLE', 'some of these nights are already booked or blocked');
    }
    throw error;
  }
}

/** SQLSTATEs of a database that is going away or not there yet: the connection, not the request, failed. */
const UNAVAILABLE_STATES = new Set(['57P01', '57P02', '57P03', '53300']);
/** node-postgres's own words when a connection dies or cannot be made (they carry no SQLSTATE). */
const LOST_CONNECTION =
  /^(Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error)/;
const NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH']);

/**
 * The last line of defence at the procedure boundary (STYLE "Errors"): a database error no service
 * expected becomes a clean refusal instead of a 500. Class 22 (a data exception: a value the column or
 * type cannot hold) is the client's input, BAD_REQUEST INVALID_INPUT; class 23 (an integrity constraint)
 * is a CONFLICT; a lost or refused connection is a retryable UNAVAILABLE. Anything else stays unexpected.
 * Each one still reaches the log (trpc/init.ts), because a schema should have caught it first.
 */
export function refusalOfDatabase(error: unknown): DomainError | undefined {
  if (isPgError(error)) {
    const code = error.code ?? '';
    if (code.startsWith('22')) {
      return new ValidationError('a value is not one the database can hold', [], 'INVALID_INPUT');
    }
    if (code.startsWith('23'))
      return new ConflictError('CONFLICT', 'this change conflicts with data already there');
    if (code.startsWith('08') || UNAVAILABLE_STATES.has(code)) return new UnavailableError();
    return undefined;
  }
  if (error instanceof Error) {
    const networkCode = 'code' in error && typeof error.code === 'string' ? error.code : undefined;
    if (LOST_CONNECTION.test(error.message) || (networkCode && NETWORK_CODES.has(networkCode))) {
      return new UnavailableError();
    }
  }
  return undefined;
}
