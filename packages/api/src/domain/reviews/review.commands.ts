import type { PageRequest } from '../shared/page.ts';

/** SPEC §3: a rating is a whole number of stars, 1 to 5; the database CHECKs the same. */
export const RATING_MIN = 1;
export const RATING_MAX = 5;
/** A comment or a host response: trimmed, never empty; the database CHECKs the same bound. */
export const REVIEW_TEXT_MAX_LENGTH = 5000;

/** A guest's review of a completed stay of theirs (SPEC §4 Reviews). */
export interface CreateReviewInput {
  bookingId: string;
  rating: number;
  comment: string;
}

/** A host's review of the guest of a completed stay at their listing (SPEC §10 two-sided reviews). */
export interface CreateGuestReviewInput {
  bookingId: string;
  rating: number;
  comment: string;
}

export interface ListReviewsInput extends PageRequest {
  propertyId: string;
}

/** The host's one response to a review of their listing. */
export interface RespondToReviewInput {
  reviewId: string;
  response: string;
}
