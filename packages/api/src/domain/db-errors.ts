import pg from 'pg';
import { ConflictError } from './errors.ts';

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
