import { inTransaction } from '@stayhub/db';
import type { Viewer } from '../auth/viewer.ts';
import type { Deps } from '../deps.ts';
import { NotFoundError, RuleViolationError, ValidationError } from '../errors.ts';
import { invalidateListing } from './listing-cache.ts';
import {
  closeUpPositionsAfter,
  deletePhoto,
  findPhotosOfProperty,
  insertPhoto,
  photoSlots,
  setPhotoOrder,
} from './photo.queries.ts';
import { canAddPhoto, isSameSet, MAX_PHOTOS } from './photo.rules.ts';
import type { AddPhotoInput, RemovePhotoInput, ReorderPhotosInput } from './photo.types.ts';
import { missingForListing } from './property.rules.ts';
import { type PhotoList, type PhotoView, toPhotoView } from './property.views.ts';
import { assertNotArchived, ListingIncompleteError, lockManagedProperty } from './property-access.ts';

/**
 * Photo changes lock the listing's row first, so concurrent adds, removals and reorders of one listing
 * serialize: the count checked against MAX_PHOTOS and the positions computed are the ones committed.
 * Positions stay 0..n-1 (the first photo is the cover).
 */

/** Appends a photo at the end; the 21st is UNPROCESSABLE_CONTENT TOO_MANY_PHOTOS. */
export async function addPhoto(deps: Deps, viewer: Viewer, input: AddPhotoInput): Promise<PhotoView> {
  const photo = await inTransaction(deps.db, async (trx) => {
    const property = await lockManagedProperty(trx, viewer, input.propertyId);
    assertNotArchived(property);
    const slots = await photoSlots(trx, input.propertyId);
    if (!canAddPhoto(slots.count)) {
      throw new RuleViolationError('TOO_MANY_PHOTOS', `a listing has at most ${MAX_PHOTOS} photos`);
    }
    const photo = await insertPhoto(trx, {
      propertyId: input.propertyId,
      url: input.url,
      caption: input.caption ?? null,
      position: slots.next,
    });
    await invalidateListing(trx, deps, input.propertyId);
    return photo;
  });
  return toPhotoView(photo);
}

/**
 * Removes a photo and moves the later ones up. A listed place keeps at least one photo
 * (LISTING_INCOMPLETE: unlist it first).
 */
export async function removePhoto(deps: Deps, viewer: Viewer, input: RemovePhotoInput): Promise<PhotoList> {
  const photos = await inTransaction(deps.db, async (trx) => {
    const property = await lockManagedProperty(trx, viewer, input.propertyId);
    assertNotArchived(property);
    const removed = await deletePhoto(trx, input.propertyId, input.photoId);
    if (!removed) throw new NotFoundError('photo');
    const remaining = await findPhotosOfProperty(trx, input.propertyId);
    if (property.status === 'listed') {
      const missing = missingForListing({ ...property, photoCount: remaining.length });
      if (missing.length > 0) throw new ListingIncompleteError(missing);
    }
    await closeUpPositionsAfter(trx, input.propertyId, removed.position);
    await invalidateListing(trx, deps, input.propertyId);
    return findPhotosOfProperty(trx, input.propertyId);
  });
  return { photos: photos.map(toPhotoView) };
}

/** Puts the photos in the order given; it must name every current photo exactly once (else BAD_REQUEST). */
export async function reorderPhotos(
  deps: Deps,
  viewer: Viewer,
  input: ReorderPhotosInput,
): Promise<PhotoList> {
  const photos = await inTransaction(deps.db, async (trx) => {
    const property = await lockManagedProperty(trx, viewer, input.propertyId);
    assertNotArchived(property);
    const current = await findPhotosOfProperty(trx, input.propertyId);
    if (
      !isSameSet(
        current.map((photo) => photo.photo_id),
        input.photoIds,
      )
    ) {
      throw new ValidationError('list every photo of the listing exactly once', ['photoIds']);
    }
    await setPhotoOrder(trx, input.propertyId, input.photoIds);
    await invalidateListing(trx, deps, input.propertyId);
    return findPhotosOfProperty(trx, input.propertyId);
  });
  return { photos: photos.map(toPhotoView) };
}
