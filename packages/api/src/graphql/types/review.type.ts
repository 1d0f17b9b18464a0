import type { z } from 'zod';
import { NotFoundError } from '../../domain/errors.ts';
import type { Page } from '../../domain/shared/page.ts';
import type { reviewView } from '../../schemas/reviews.schemas.ts';
import { builder } from '../builder.ts';
import { PageInfo } from './page.ts';
import { UserType } from './user.type.ts';

type Review = z.infer<typeof reviewView>;

export const ReviewType = builder.objectRef<Review>('Review').implement({
  fields: (t) => ({
    reviewId: t.exposeID('reviewId'),
    propertyId: t.exposeID('propertyId'),
    author: t.field({
      type: UserType,
      nullable: true,
      description: "The author's public profile; null once the account is suspended.",
      resolve: (review, _args, ctx) => ctx.loaders.profile.load(review.author.userId).catch(hiddenAsNull),
    }),
    rating: t.exposeInt('rating'),
    comment: t.exposeString('comment'),
    hostResponse: t.exposeString('hostResponse', { nullable: true }),
    hostRespondedAt: t.expose('hostRespondedAt', { type: 'DateTime', nullable: true }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    publishedAt: t.expose('publishedAt', {
      type: 'DateTime',
      nullable: true,
      description:
        'Null while the review waits for the other side’s or the end of the window (blind reviews).',
    }),
  }),
});

const ReviewEdge = builder.objectRef<Review>('ReviewEdge').implement({
  fields: (t) => ({ node: t.field({ type: ReviewType, resolve: (review) => review }) }),
});

/** `{ edges { node } nodes pageInfo }` over the service's `{ items, nextCursor }`. */
export const ReviewConnection = builder.objectRef<Page<Review>>('ReviewConnection').implement({
  fields: (t) => ({
    edges: t.field({ type: [ReviewEdge], resolve: (page) => page.items }),
    nodes: t.field({ type: [ReviewType], resolve: (page) => page.items }),
    pageInfo: t.field({ type: PageInfo, resolve: (page) => page }),
  }),
});

/** A nested row the viewer may not see is a null field, not an error of the whole parent. */
export function hiddenAsNull(error: unknown): null {
  if (error instanceof NotFoundError) return null;
  throw error;
}
