import { inTransaction } from '@stayhub/db';
import type { Viewer } from '../auth/viewer.ts';
import type { Deps } from '../deps.ts';
import { ConflictError, ForbiddenError, NotFoundError } from '../errors.ts';
import { invalidateListing } from './listing-cache.ts';
import { photoSlots } from './photo.queries.ts';
import { updatePropertyColumns } from './property.queries.ts';
import { missingForListing } from './property.rules.ts';
import type { SetStatusInput } from './property.types.ts';
import { type PropertyView, toViewerView } from './property.views.ts';
import { ListingIncompleteError, lockManagedProperty } from './property-access.ts';
import { loadBaseView } from './property-read.ts';
import { decideStatusChange } from './property-status.rules.ts';

/**
 * Moves a listing along the status table (property-status.rules.ts) on a locked row, so two changes of one
 * listing serialize and each one is checked against the status the other left. Another host's listing:
 * NOT_FOUND. A host suspending, or touching a suspended listing: FORBIDDEN (they can see the listing, so
 * pretending it does not exist would mislead them). listed_at is set the first time it is listed.
 */
export async function setPropertyStatus(
  deps: Deps,
  viewer: Viewer,
  input: SetStatusInput,
): Promise<PropertyView> {
  if (viewer.role === 'guest') throw new ForbiddenError();
  const view = await inTransaction(deps.db, async (trx) => {
    const property = await lockManagedProperty(trx, viewer, input.propertyId);
    const missing =
      input.status === 'listed'
        ? missingForListing({
            description: property.description,
            address: property.address,
            photoCount: (await photoSlots(trx, input.propertyId)).count,
          })
        : [];
    const decision = decideStatusChange({
      from: property.status,
      to: input.status,
      actor: viewer.role === 'admin' ? 'admin' : 'host',
      missing,
      everListed: property.listed_at !== null,
    });
    if (!decision.ok) {
      switch (decision.error) {
        case 'INVALID_TRANSITION':
          throw new ConflictError(
            'INVALID_TRANSITION',
            `a listing cannot go from ${property.status} to ${input.status}`,
          );
        case 'ADMIN_ONLY':
          throw new ForbiddenError('FORBIDDEN', 'only an admin can suspend a listing');
        case 'PROPERTY_SUSPENDED':
          throw new ForbiddenError(
            'PROPERTY_SUSPENDED',
            'this listing is suspended; only an admin can change its status',
          );
        case 'LISTING_INCOMPLETE':
          throw new ListingIncompleteError(decision.missing);
      }
    }
    await updatePropertyColumns(trx, input.propertyId, {
      status: input.status,
      // An admin moving a listing out of a host suspension ends that mark with it (SPEC §10).
      suspended_with_host: false,
      ...(decision.firstListing ? { listed_at: deps.clock.now() } : {}),
    });
    await invalidateListing(trx, deps, input.propertyId);
    const updated = await loadBaseView(trx, input.propertyId);
    if (!updated) throw new NotFoundError('property');
    return toViewerView(updated, true);
  });
  return view;
}
