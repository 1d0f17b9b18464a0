import { z } from 'zod';
import {
  type CreateGuestReviewInput,
  type CreateReviewInput,
  type ListReviewsInput,
  RATING_MAX,
  RATING_MIN,
  REVIEW_TEXT_MAX_LENGTH,
  type RespondToReviewInput,
} from '../domain/reviews/review.commands.ts';
import type {
  GuestReviewView,
  ReviewAuthorView,
  ReviewList,
  ReviewView,
} from '../domain/reviews/review.views.ts';
import { schemaFor } from '../domain/shared/schema-for.ts';
import { keysetCursorInput, pageLimitInput, pageOf } from './shared.schemas.ts';
import { text } from './text.ts';

const reviewText = text({ min: 1, max: REVIEW_TEXT_MAX_LENGTH });
const rating = z.number().int().min(RATING_MIN).max(RATING_MAX);

/** The author as a review shows them: first name and avatar only (SPEC §4: never email or phone). */
export const reviewAuthorView = schemaFor<ReviewAuthorView>()(
  z.object({
    userId: z.uuid(),
    firstName: z.string(),
    avatarUrl: z.string().nullable(),
  }),
);

export const reviewView = schemaFor<ReviewView>()(
  z.object({
    reviewId: z.uuid(),
    propertyId: z.uuid(),
    author: reviewAuthorView,
    rating,
    comment: z.string(),
    /** The host's one response, and when it came; both null until then. */
    hostResponse: z.string().nullable(),
    hostRespondedAt: z.date().nullable(),
    createdAt: z.date(),
    /** Null while the review is hidden (SPEC §10 blind reviews); only its author sees it then. */
    publishedAt: z.date().nullable(),
  }),
);

/** A host's review of a guest, as its author sees it when writing it (SPEC §10). */
export const guestReviewView = schemaFor<GuestReviewView>()(
  z.object({
    guestReviewId: z.uuid(),
    bookingId: z.uuid(),
    guestId: z.uuid(),
    author: reviewAuthorView,
    rating,
    comment: z.string(),
    createdAt: z.date(),
    /** Null until both reviews of the stay exist or the review window closes. */
    publishedAt: z.date().nullable(),
  }),
);

export const createGuestReviewInput = schemaFor<CreateGuestReviewInput>()(
  z.object({
    bookingId: z.uuid(),
    rating,
    comment: reviewText,
  }),
);

export const createReviewInput = schemaFor<CreateReviewInput>()(
  z.object({
    bookingId: z.uuid(),
    rating,
    comment: reviewText,
  }),
);

export const listReviewsInput = schemaFor<ListReviewsInput>()(
  z.object({
    propertyId: z.uuid(),
    cursor: keysetCursorInput,
    limit: pageLimitInput(),
  }),
);

export const reviewList = schemaFor<ReviewList>()(pageOf(reviewView));

/**
 * The host's answer is `hostResponse` (SPEC §5: the column's camelCase, as reviews show it). SDK 0.1.0 sent
 * it as `response`, which stays accepted, deprecated, for one release: exactly one of the two. Either way
 * the parsed input is the domain's command, `{ reviewId, response }`.
 */
export const respondToReviewInput = schemaFor<RespondToReviewInput>()(
  z
    .object({
      reviewId: z.uuid(),
      hostResponse: reviewText.optional(),
      response: reviewText.optional().meta({
        deprecated: true,
        description:
          'Use `hostResponse`: `response` is its old name and goes away in the next minor release.',
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
    }),
);
