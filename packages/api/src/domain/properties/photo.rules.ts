/** Photos per listing (SPEC §3 property_photos). */
export const MAX_PHOTOS = 20;

/** A listing holds at most MAX_PHOTOS photos (TOO_MANY_PHOTOS beyond). */
export function canAddPhoto(photoCount: number): boolean {
  return photoCount < MAX_PHOTOS;
}

/** A reorder names every current photo exactly once: no missing, unknown or repeated ids. */
export function isSameSet(current: readonly string[], proposed: readonly string[]): boolean {
  const proposedSet = new Set(proposed);
  return (
    proposed.length === current.length &&
    proposedSet.size === proposed.length &&
    current.every((id) => proposedSet.has(id))
  );
}
