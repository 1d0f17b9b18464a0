import type { Page } from '../shared/page.ts';
import type { GuestReviewRow, ReviewRow } from './review.queries.ts';

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
  /**
   * When the review became visible to others (SPEC §10 blind reviews): null while it waits for the host's
   * review of the stay or the end of the review window. Only its author sees it before then.
   */
  publishedAt: Date | null;
}

/** A host's review of a guest (SPEC §10), as its author sees it when writing it. */
export interface GuestReviewView {
  guestReviewId: string;
  bookingId: string;
  guestId: string;
  author: ReviewAuthorView;
  rating: number;
  comment: string;
  createdAt: Date;
  /** Null until both reviews of the stay exist or the review window closes. */
  publishedAt: Date | null;
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
    publishedAt: row.published_at,
  };
}

export function toGuestReviewView(row: GuestReviewRow): GuestReviewView {
  return {
    guestReviewId: row.guest_review_id,
    bookingId: row.booking_id,
    guestId: row.guest_id,
    author: { userId: row.author_id, firstName: row.author_first_name, avatarUrl: row.author_avatar_url },
    rating: row.rating,
    comment: row.comment,
    createdAt: row.created_at,
    publishedAt: row.published_at,
  };
}
