import { decodeKeysetCursor, encodeKeysetCursor } from '../shared/keyset-cursor.ts';

/**
 * The admin user list's keyset position: the last row's created_at and user_id. created_at travels as
 * Postgres prints it with microseconds (a JS Date keeps only milliseconds, and two users created in the
 * same millisecond would otherwise be skipped or repeated at a page boundary).
 */
export interface UserCursor {
  createdAt: string;
  userId: string;
}

/** Opaque to clients; the shared keyset cursor (domain/shared/keyset-cursor.ts). */
export function encodeUserCursor(cursor: UserCursor): string {
  return encodeKeysetCursor({ at: cursor.createdAt, id: cursor.userId });
}

/** The cursor a previous page returned, or undefined for anything else (tampered, truncated, foreign). */
export function decodeUserCursor(cursor: string): UserCursor | undefined {
  const position = decodeKeysetCursor(cursor);
  return position && { createdAt: position.at, userId: position.id };
}
