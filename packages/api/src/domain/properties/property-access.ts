import type { Executor } from '@stayhub/db';
import type { Viewer } from '../auth/viewer.ts';
import { ConflictError, NotFoundError, RuleViolationError } from '../errors.ts';
import { type LockedProperty, lockPropertyById } from './property.queries.ts';
import { canManage, type MissingForListing } from './property.rules.ts';

/**
 * Locks a listing the viewer manages (its host, or an admin) for a change. Anyone else's listing answers
 * NOT_FOUND, exactly like one that does not exist (SPEC §4: a resource you may not see is not found).
 */
export async function lockManagedProperty(
  db: Executor,
  viewer: Viewer,
  propertyId: string,
): Promise<LockedProperty> {
  const property = await lockPropertyById(db, propertyId);
  if (!property || !canManage(viewer, property.host_id)) throw new NotFoundError('property');
  return property;
}

/** Archived is final (property-status.rules.ts): nothing about an archived listing changes any more. */
export function assertNotArchived(property: Pick<LockedProperty, 'status'>): void {
  if (property.status === 'archived') {
    throw new ConflictError('PROPERTY_ARCHIVED', 'this listing is archived and can no longer be changed');
  }
}

const missingLabels: Record<MissingForListing, string> = {
  description: 'a description',
  address: 'the address',
  photos: 'at least one photo',
};

/** UNPROCESSABLE_CONTENT LISTING_INCOMPLETE; `missing` says what, the message says it in words. */
export class ListingIncompleteError extends RuleViolationError {
  constructor(readonly missing: readonly MissingForListing[]) {
    super(
      'LISTING_INCOMPLETE',
      `a listing needs ${missing.map((item) => missingLabels[item]).join(', ')} before guests can see it (missing: ${missing.join(', ')})`,
    );
  }
}
