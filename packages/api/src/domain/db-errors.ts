import pg from 'pg';

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
