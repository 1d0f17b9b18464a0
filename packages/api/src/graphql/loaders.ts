import DataLoader from 'dataloader';
import type { Viewer } from '../domain/auth/viewer.ts';
import type { Deps } from '../domain/deps.ts';
import type { NotFoundError } from '../domain/errors.ts';
import type { PropertyView } from '../domain/properties/property.views.ts';
import { getPropertiesForViewer } from '../domain/properties/property-batch.service.ts';
import type { ReviewList } from '../domain/reviews/review.views.ts';
import { firstReviewPages } from '../domain/reviews/review-batch.service.ts';
import { getPublicProfiles } from '../domain/users/profile-batch.service.ts';
import type { PublicProfileView } from '../domain/users/user.views.ts';

/**
 * Per-request DataLoaders (STYLE "Other surfaces"): every property, profile and first page of reviews a
 * query asks for in one tick is read in one batch through a domain service, so a page of 20 search results
 * with hosts, photos and reviews costs a fixed number of statements, not 20 × each. A service answers a
 * NotFoundError for an id the viewer may not see; the loader hands it to that field only.
 */
export interface Loaders {
  property: DataLoader<string, PropertyView>;
  profile: DataLoader<string, PublicProfileView>;
  /** Keyed by `${limit}:${propertyId}`: the first page of that size. */
  firstReviews: DataLoader<string, ReviewList>;
}

type Answer<T> = T | NotFoundError;

export function createLoaders(deps: Deps, optionalViewer: () => Promise<Viewer | null>): Loaders {
  return {
    property: new DataLoader<string, PropertyView>(
      async (ids): Promise<Answer<PropertyView>[]> =>
        getPropertiesForViewer(deps, await optionalViewer(), ids),
    ),
    profile: new DataLoader<string, PublicProfileView>(
      (ids): Promise<Answer<PublicProfileView>[]> => getPublicProfiles(deps, ids),
    ),
    firstReviews: new DataLoader<string, ReviewList>(async (keys): Promise<Answer<ReviewList>[]> => {
      const viewer = await optionalViewer();
      // One batch per page size (a query rarely asks for two), each in one call of the service.
      const bySize = new Map<number, string[]>();
      const parsed = keys.map((key) => {
        const [size = '', propertyId = ''] = key.split(':');
        const limit = Number(size);
        bySize.set(limit, [...(bySize.get(limit) ?? []), propertyId]);
        return { limit, propertyId };
      });
      const pages = new Map<string, Answer<ReviewList>>();
      for (const [limit, propertyIds] of bySize) {
        const answers = await firstReviewPages(deps, viewer, propertyIds, limit);
        propertyIds.forEach((propertyId, index) => {
          const answer = answers[index];
          if (answer) pages.set(`${limit}:${propertyId}`, answer);
        });
      }
      return parsed.map(({ limit, propertyId }) => {
        const page = pages.get(`${limit}:${propertyId}`);
        if (!page) throw new Error('firstReviewPages answered fewer pages than asked');
        return page;
      });
    }),
  };
}
