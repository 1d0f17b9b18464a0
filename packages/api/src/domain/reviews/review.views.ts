import type { ReviewView } from '../../schemas/reviews.schemas.ts';
import type { ReviewRow } from './review.queries.ts';

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
