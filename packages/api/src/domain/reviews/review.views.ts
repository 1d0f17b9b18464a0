import type { Page } from '../shared/page.ts';
import type { ReviewRow } from './review.queries.ts';

/** The author as a review shows them: first name and avatar only (SPEC §4: never email or phone). */
export interface ReviewAuthorView {
  userId: string;
  firstName: string;
  avatarUrl: string | null;
}

export interface ReviewView {
  reviewId: string;
  propertyId: string;
  author: ReviewAuthorView;
  rating: number;
  comment: string;
  /** The host's one response, and when it came; both null until then. */
  hostResponse: string | null;
  hostRespondedAt: Date | null;
  createdAt: Date;
}

export type ReviewList = Page<ReviewView>;

export function toReviewView(row: ReviewRow): ReviewView {
  return {
    reviewId: row.review_id,
    propertyId: row.property_id,
    author: { userId: row.user_id, firstName: row.author_first_name, avatarUrl: row.author_avatar_url },
    rating: row.rating,
    comment: row.comment,
    hostResponse: row.host_response,
    hostRespondedAt: row.host_responded_at,
    createdAt: row.created_at,
  };
}
