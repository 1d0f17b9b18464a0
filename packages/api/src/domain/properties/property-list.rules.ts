import { decodeKeysetCursor, encodeKeysetCursor } from '../shared/keyset-cursor.ts';

/**
 * listMine's keyset position: the last row's created_at (as Postgres prints it, with microseconds: two
 * listings created in the same millisecond would otherwise be skipped or repeated at a page boundary) and
 * its property_id.
 */
export interface PropertyCursor {
  createdAt: string;
  propertyId: string;
}

/** Opaque to clients; the shared keyset cursor (domain/shared/keyset-cursor.ts). */
export function encodePropertyCursor(cursor: PropertyCursor): string {
  return encodeKeysetCursor({ at: cursor.createdAt, id: cursor.propertyId });
}

/** The cursor a previous page returned, or undefined for anything else (tampered, truncated, foreign). */
export function decodePropertyCursor(cursor: string): PropertyCursor | undefined {
  const position = decodeKeysetCursor(cursor);
  return position && { createdAt: position.at, propertyId: position.id };
}
