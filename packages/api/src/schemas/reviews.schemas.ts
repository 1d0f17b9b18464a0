import { z } from 'zod';

const reviewText = z.string().trim().min(1).max(5000);

/** The author as a review shows them: first name and avatar only (SPEC §4: never email or phone). */
export const reviewAuthorView = z.object({
  userId: z.uuid(),
  firstName: z.string(),
  avatarUrl: z.string().nullable(),
});

export const reviewView = z.object({
  reviewId: z.uuid(),
  propertyId: z.uuid(),
  author: reviewAuthorView,
  rating: z.number().int().min(1).max(5),
  comment: z.string(),
  /** The host's one response, and when it came; both null until then. */
  hostResponse: z.string().nullable(),
  hostRespondedAt: z.date().nullable(),
  createdAt: z.date(),
});
export type ReviewView = z.infer<typeof reviewView>;

export const createReviewInput = z.object({
  bookingId: z.uuid(),
  rating: z.number().int().min(1).max(5),
  comment: reviewText,
});
export type CreateReviewInput = z.output<typeof createReviewInput>;

export const listReviewsInput = z.object({
  propertyId: z.uuid(),
  /** `nextCursor` of the previous page, as returned (null or absent for the first page). */
  cursor: z.string().max(512).nullish(),
  limit: z.number().int().min(1).max(50).default(20),
});
export type ListReviewsInput = z.output<typeof listReviewsInput>;

export const reviewList = z.object({ items: z.array(reviewView), nextCursor: z.string().nullable() });
export type ReviewList = z.infer<typeof reviewList>;

/**
 * The host's answer is `hostResponse` (SPEC §5: the column's camelCase, as reviews show it). SDK 0.1.0 sent
 * it as `response`, which stays accepted, deprecated, for one release: exactly one of the two. Either way
 * the parsed input is the domain's command, `{ reviewId, response }`.
 */
export const respondToReviewInput = z
  .object({
    reviewId: z.uuid(),
    hostResponse: reviewText.optional(),
    response: reviewText.optional().meta({
      deprecated: true,
      description: 'Use `hostResponse`: `response` is its old name and goes away in the next minor release.',
    }),
  })
  .transform(({ reviewId, hostResponse, response }, ctx) => {
    if (hostResponse !== undefined && response !== undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['response'],
        message: 'send hostResponse only: response is its deprecated old name, not a second answer',
      });
      return z.NEVER;
    }
    const text = hostResponse ?? response;
    if (text === undefined) {
      ctx.addIssue({ code: 'custom', path: ['hostResponse'], message: 'hostResponse is required' });
      return z.NEVER;
    }
    return { reviewId, response: text };
  });
export type RespondToReviewInput = z.output<typeof respondToReviewInput>;
