/**
 * Domain errors: what services throw. The tRPC layer maps each kind to one TRPC code (trpc/errors.ts);
 * `reason` is the stable machine-readable value the SDK exposes as a union (SPEC §5).
 */
export const errorReasons = [
  // generic, one per kind
  'VALIDATION_FAILED',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'CONFLICT',
  'RULE_VIOLATION',
  'PAYMENT_DECLINED',
  'RATE_LIMITED',
  'UNAVAILABLE',
  'INTERNAL',
  // refused before any rule runs: a cursor no page handed out, a value the database cannot hold, and
  // HTTP requests the server does not take (method, media type, size, batch)
  'INVALID_CURSOR',
  'INVALID_INPUT',
  'METHOD_NOT_ALLOWED',
  'UNSUPPORTED_MEDIA_TYPE',
  'PAYLOAD_TOO_LARGE',
  'HEADERS_TOO_LARGE',
  'BATCH_TOO_LARGE',
  // a GraphQL document over a depth, alias, cost, directive or token limit (SPEC §8)
  'QUERY_TOO_COMPLEX',
  // accounts
  'EMAIL_TAKEN',
  'INVALID_CREDENTIALS',
  'WEAK_PASSWORD',
  'SESSION_EXPIRED',
  'ACCOUNT_SUSPENDED',
  'INVALID_TOKEN',
  'ALREADY_HOST',
  'ALREADY_VERIFIED',
  'HAS_UPCOMING_STAYS',
  // account administration
  'CANNOT_SUSPEND_SELF',
  'CANNOT_SUSPEND_ADMIN',
  // moderation (SPEC §10): the listing's host is suspended, so it takes no bookings
  'HOST_SUSPENDED',
  // properties
  'LISTING_INCOMPLETE',
  'TOO_MANY_PHOTOS',
  'PROPERTY_ARCHIVED',
  'PROPERTY_SUSPENDED',
  // bookings
  'DATES_UNAVAILABLE',
  'STAY_TOO_SHORT',
  'STAY_TOO_LONG',
  'TOO_MANY_GUESTS',
  'START_IN_PAST',
  'PROPERTY_NOT_BOOKABLE',
  'OWN_PROPERTY',
  'INVALID_TRANSITION',
  'IDEMPOTENCY_KEY_REUSED',
  // reviews
  'REVIEW_WINDOW_CLOSED',
  'ALREADY_REVIEWED',
  'ALREADY_RESPONDED',
  'STAY_NOT_COMPLETED',
] as const;

export type ErrorReason = (typeof errorReasons)[number];

export type ErrorKind =
  | 'validation'
  | 'unauthenticated'
  | 'forbidden'
  | 'not_found'
  | 'conflict'
  | 'rule_violation'
  | 'payment_declined'
  | 'rate_limited'
  | 'unavailable';

export abstract class DomainError extends Error {
  abstract readonly kind: ErrorKind;
  constructor(
    readonly reason: ErrorReason,
    message: string,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/** Input that passed the schema but breaks a field-level rule; `path` names the field. */
export class ValidationError extends DomainError {
  readonly kind = 'validation';
  constructor(
    message: string,
    readonly path: readonly string[] = [],
    reason: ErrorReason = 'VALIDATION_FAILED',
  ) {
    super(reason, message);
  }
}

export class UnauthenticatedError extends DomainError {
  readonly kind = 'unauthenticated';
  constructor(reason: ErrorReason = 'UNAUTHENTICATED', message = 'sign in to continue') {
    super(reason, message);
  }
}

/** Known resource, caller not allowed. Prefer NotFoundError for things the viewer may not even see (SPEC §4). */
export class ForbiddenError extends DomainError {
  readonly kind = 'forbidden';
  constructor(reason: ErrorReason = 'FORBIDDEN', message = 'not allowed') {
    super(reason, message);
  }
}

export class NotFoundError extends DomainError {
  readonly kind = 'not_found';
  constructor(what: string, reason: ErrorReason = 'NOT_FOUND') {
    super(reason, `${what} not found`);
  }
}

export class ConflictError extends DomainError {
  readonly kind = 'conflict';
  constructor(reason: ErrorReason = 'CONFLICT', message = 'conflicts with the current state') {
    super(reason, message);
  }
}

/** A business rule says no (stay too short, review window closed…). */
export class RuleViolationError extends DomainError {
  readonly kind = 'rule_violation';
}

export class PaymentDeclinedError extends DomainError {
  readonly kind = 'payment_declined';
  constructor(message = 'the payment was declined') {
    super('PAYMENT_DECLINED', message);
  }
}

/**
 * A dependency the request needs is briefly gone (the database restarting, a failover): retrying after
 * `retryAfterMs` is expected to work, and nothing was changed.
 */
export class UnavailableError extends DomainError {
  readonly kind = 'unavailable';
  constructor(readonly retryAfterMs = 1_000) {
    super('UNAVAILABLE', 'the service is briefly unavailable, try again shortly');
  }
}

export class RateLimitedError extends DomainError {
  readonly kind = 'rate_limited';
  constructor(readonly retryAfterMs: number) {
    super('RATE_LIMITED', 'too many requests, try again later');
  }
}
