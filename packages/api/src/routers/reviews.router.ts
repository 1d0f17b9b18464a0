import { createGuestReview } from '../domain/reviews/guest-review.service.ts';
import { createReview, listPropertyReviews, respondToReview } from '../domain/reviews/review.service.ts';
import {
  createGuestReviewInput,
  createReviewInput,
  guestReviewView,
  listReviewsInput,
  respondToReviewInput,
  reviewList,
  reviewView,
} from '../schemas/reviews.schemas.ts';
import { router } from '../trpc/init.ts';
import { authedProcedure, viewerAwareProcedure } from '../trpc/procedures.ts';

export const reviewsRouter = router({
  create: authedProcedure
    .meta({ openapi: { method: 'POST', path: '/reviews', tags: ['reviews'], protect: true } })
    .input(createReviewInput)
    .output(reviewView)
    .mutation(({ ctx, input }) => createReview(ctx.deps, ctx.viewer, input)),

  /** The listing's host reviews the guest of a completed stay (SPEC §10); anyone else gets NOT_FOUND. */
  createForGuest: authedProcedure
    .meta({ openapi: { method: 'POST', path: '/guest-reviews', tags: ['reviews'], protect: true } })
    .input(createGuestReviewInput)
    .output(guestReviewView)
    .mutation(({ ctx, input }) => createGuestReview(ctx.deps, ctx.viewer, input)),

  listForProperty: viewerAwareProcedure
    .meta({ openapi: { method: 'GET', path: '/properties/{propertyId}/reviews', tags: ['reviews'] } })
    .input(listReviewsInput)
    .output(reviewList)
    .query(({ ctx, input }) => listPropertyReviews(ctx.deps, ctx.viewer, input)),

  /** Authed rather than host-only: anyone but the listing's host gets NOT_FOUND, not FORBIDDEN (SPEC §4). */
  respond: authedProcedure
    .meta({
      openapi: { method: 'POST', path: '/reviews/{reviewId}/response', tags: ['reviews'], protect: true },
    })
    .input(respondToReviewInput)
    .output(reviewView)
    .mutation(({ ctx, input }) => respondToReview(ctx.deps, ctx.viewer, input)),
});
