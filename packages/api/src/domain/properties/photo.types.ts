/** properties.addPhoto: appended after the last photo (the first one is the cover). */
export interface AddPhotoInput {
  propertyId: string;
  /** An https URL. */
  url: string;
  /** Null or absent: none. */
  caption?: string | null | undefined;
}

/** properties.removePhoto: the photos after it move up one position. */
export interface RemovePhotoInput {
  propertyId: string;
  photoId: string;
}

/** properties.reorderPhotos: every photo of the listing exactly once, cover first. */
export interface ReorderPhotosInput {
  propertyId: string;
  photoIds: string[];
}
