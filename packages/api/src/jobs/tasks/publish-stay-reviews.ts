import type { Deps } from '../../domain/deps.ts';
import { publishStayReviews } from '../../domain/reviews/review-publication.service.ts';
import { defineTask } from '../define-task.ts';

export const publishStayReviewsTask = (deps: Deps) =>
  defineTask('publish_stay_reviews', ({ bookingId }) => publishStayReviews(deps, bookingId));
