import { errorReason, fieldErrors, isStayHubError, type StayHubErrorReason } from '@stayhub/sdk';

/**
 * What to tell a person about a failed call, by the SDK's typed `reason` (SPEC §5). Reasons a newer
 * server adds fall through to the server's own message.
 */
export function humanMessage(error: unknown): string {
  const reason = errorReason(error);
  return reasonMessage(reason, error);
}

/** The same words for a reason a quote gives (`unavailableReason`) as for the error `create` would throw. */
export function reasonMessage(reason: StayHubErrorReason | undefined, error?: unknown): string {
  switch (reason) {
    case 'INVALID_CREDENTIALS':
      return 'That email and password do not match. Check them and try again.';
    case 'EMAIL_TAKEN':
      return 'An account with that email already exists. Sign in instead.';
    case 'WEAK_PASSWORD':
      return 'Choose a longer password that is harder to guess.';
    case 'UNAUTHENTICATED':
    case 'SESSION_EXPIRED':
    case 'INVALID_TOKEN':
      return 'Your session has expired. Please sign in again.';
    case 'ACCOUNT_SUSPENDED':
      return 'This account is suspended.';
    case 'DATES_UNAVAILABLE':
      return 'Those dates are already taken. Pick other dates.';
    case 'STAY_TOO_SHORT':
      return 'That stay is shorter than this place’s minimum.';
    case 'STAY_TOO_LONG':
      return 'That stay is longer than this place allows.';
    case 'TOO_MANY_GUESTS':
      return 'This place does not take that many guests.';
    case 'START_IN_PAST':
      return 'The check-in date has already passed.';
    case 'OWN_PROPERTY':
      return 'You cannot book your own place.';
    case 'PROPERTY_NOT_BOOKABLE':
      return 'This place is not taking bookings right now.';
    case 'PAYMENT_DECLINED':
      return 'Your card was declined. Try another card.';
    case 'RATE_LIMITED': {
      const retryAfterMs = isStayHubError(error) ? error.data.retryAfterMs : null;
      const seconds = retryAfterMs ? Math.ceil(retryAfterMs / 1000) : null;
      return seconds
        ? `Too many attempts. Wait ${seconds} seconds and try again.`
        : 'Too many attempts. Wait a moment and try again.';
    }
    case 'INVALID_TRANSITION':
      return 'This booking has changed in the meantime. Reload to see where it stands.';
    case 'REVIEW_WINDOW_CLOSED':
      return 'The review window for this stay has closed.';
    case 'ALREADY_REVIEWED':
      return 'You have already reviewed this stay.';
    case 'VALIDATION_FAILED':
    case 'INVALID_INPUT': {
      const fields = fieldErrors(error);
      return fields.length > 0
        ? fields.map((field) => `${field.path}: ${field.message}`).join('. ')
        : 'Some of the details are not valid.';
    }
    case 'UNAVAILABLE':
      return 'StayHub is briefly unavailable. Try again in a moment.';
    case undefined:
      return 'Could not reach StayHub. Check your connection and try again.';
    default:
      return isStayHubError(error) ? error.message : 'Something went wrong.';
  }
}

/** A session the server no longer accepts: the page signs out and asks to sign in again. */
export function isSessionGone(error: unknown): boolean {
  const reason = errorReason(error);
  return reason === 'UNAUTHENTICATED' || reason === 'SESSION_EXPIRED' || reason === 'INVALID_TOKEN';
}
