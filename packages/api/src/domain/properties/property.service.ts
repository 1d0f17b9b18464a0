import { type Executor, inTransaction } from '@stayhub/db';
import type { Viewer } from '../auth/viewer.ts';
import type { Deps } from '../deps.ts';
import { ForbiddenError, NotFoundError, ValidationError } from '../errors.ts';
import { keysetPage, readKeysetCursor } from '../shared/keyset-cursor.ts';
import { replacePropertyAmenities } from './amenity.queries.ts';
import { resolveAmenityIds } from './amenity.service.ts';
import { invalidateListing } from './listing-cache.ts';
import { photoSlots } from './photo.queries.ts';
import { hasStayAt, insertProperty, listIdsByHost, updatePropertyColumns } from './property.queries.ts';
import {
  canManage,
  canView,
  missingForListing,
  newPropertyRow,
  nightsInOrder,
  propertyPatch,
} from './property.rules.ts';
import type { CreatePropertyInput, ListMyPropertiesInput, UpdatePropertyInput } from './property.types.ts';
import {
  type BasePropertyView,
  type PropertyList,
  type PropertyView,
  toViewerView,
} from './property.views.ts';
import { assertNotArchived, ListingIncompleteError, lockManagedProperty } from './property-access.ts';
import { getBaseView, loadBaseView, loadBaseViews } from './property-read.ts';

/** The procedure base already requires a host or an admin; services check again so no other caller skips it. */
function assertMayHost(viewer: Viewer): void {
  if (viewer.role === 'guest') throw new ForbiddenError('FORBIDDEN', 'become a host to list a place');
}

/** Read inside the writing transaction: the view of what is about to commit. */
async function managedView(db: Executor, propertyId: string): Promise<PropertyView> {
  const view = await loadBaseView(db, propertyId);
  if (!view) throw new NotFoundError('property');
  return toViewerView(view, true);
}

/**
 * A new listing, owned by the caller and saved as a draft (SPEC §3). A draft is invisible to search, so
 * nothing cached can show it yet: no invalidation.
 */
export async function createProperty(
  deps: Deps,
  viewer: Viewer,
  input: CreatePropertyInput,
): Promise<PropertyView> {
  assertMayHost(viewer);
  return inTransaction(deps.db, async (trx) => {
    const amenityIds = await resolveAmenityIds(trx, input.amenities ?? []);
    const { property_id } = await insertProperty(trx, newPropertyRow(viewer.userId, input));
    await replacePropertyAmenities(trx, property_id, amenityIds);
    return managedView(trx, property_id);
  });
}

/**
 * Changes the fields sent, and only those, on a listing the caller manages (another host's: NOT_FOUND).
 * A listed place stays complete: emptying its description or address is LISTING_INCOMPLETE (unlist first).
 */
export async function updateProperty(
  deps: Deps,
  viewer: Viewer,
  input: UpdatePropertyInput,
): Promise<PropertyView> {
  assertMayHost(viewer);
  const { propertyId, amenities, ...fields } = input;
  const patch = propertyPatch(fields);
  const changes = Object.keys(patch).length > 0 || amenities !== undefined;
  const view = await inTransaction(deps.db, async (trx) => {
    const property = await lockManagedProperty(trx, viewer, propertyId);
    if (!changes) return managedView(trx, propertyId);
    assertNotArchived(property);
    const minNights = patch.min_nights ?? property.min_nights;
    const maxNights = patch.max_nights ?? property.max_nights;
    if (!nightsInOrder(minNights, maxNights)) {
      const field = fields.minNights !== undefined ? 'minNights' : 'maxNights';
      throw new ValidationError(`minNights (${minNights}) must not exceed maxNights (${maxNights})`, [field]);
    }
    if (property.status === 'listed') {
      const missing = missingForListing({
        description: patch.description ?? property.description,
        address: patch.address ?? property.address,
        photoCount: (await photoSlots(trx, propertyId)).count,
      });
      if (missing.length > 0) throw new ListingIncompleteError(missing);
    }
    if (amenities !== undefined) {
      await replacePropertyAmenities(trx, propertyId, await resolveAmenityIds(trx, amenities));
    }
    if (Object.keys(patch).length > 0) await updatePropertyColumns(trx, propertyId, patch);
    await invalidateListing(trx, deps, propertyId);
    return managedView(trx, propertyId);
  });
  return view;
}

/**
 * A listing as this viewer may see it (SPEC §4). Listed: anyone, anonymous too; any other status: its host
 * and admins only (everyone else NOT_FOUND). The base view comes from the cache; the location is released
 * per request — exact for the host, admins and guests with a confirmed or completed stay.
 */
export async function getProperty(
  deps: Deps,
  viewer: Viewer | null,
  propertyId: string,
): Promise<PropertyView> {
  const base = await getBaseView(deps, propertyId);
  const manages = base !== undefined && canManage(viewer, base.host.userId);
  if (!base || !canView(base.status, manages)) throw new NotFoundError('property');
  return toViewerView(base, await seesExactLocation(deps, viewer, base, manages));
}

async function seesExactLocation(
  deps: Deps,
  viewer: Viewer | null,
  base: BasePropertyView,
  manages: boolean,
): Promise<boolean> {
  if (manages) return true;
  if (viewer === null) return false;
  return hasStayAt(deps.db, base.propertyId, viewer.userId);
}

/** The caller's own listings, newest first, optionally of one status; keyset-paged. */
export async function listMyProperties(
  deps: Deps,
  viewer: Viewer,
  input: ListMyPropertiesInput,
): Promise<PropertyList> {
  assertMayHost(viewer);
  const rows = await listIdsByHost(deps.db, {
    hostId: viewer.userId,
    status: input.status,
    after: readKeysetCursor(input.cursor),
    limit: input.limit + 1,
  });
  const { page, nextCursor } = keysetPage(rows, input.limit, (row) => ({
    at: row.created_at_key,
    id: row.property_id,
  }));
  const views = await loadBaseViews(
    deps.db,
    page.map((row) => row.property_id),
  );
  return { items: views.map((view) => toViewerView(view, true)), nextCursor };
}
