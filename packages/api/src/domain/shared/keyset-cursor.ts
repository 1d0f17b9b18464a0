import { z } from 'zod';
import { isMicrosecondTimestamp } from './dates.ts';
import { decodeOpaqueCursor, encodeOpaqueCursor, readCursor } from './opaque-cursor.ts';

/**
 * The keyset position of a newest-first list ordered by (timestamp DESC, id ASC): the last row's timestamp
 * as Postgres prints it with microseconds (a JS Date keeps only milliseconds, and two rows in the same
 * millisecond would otherwise be skipped or repeated at a page boundary) and its id. Reviews, messages,
 * conversations and notifications page this way.
 */
export interface KeysetPosition {
  at: string;
  id: string;
}

const cursorPayload = z.object({
  t: z.string().refine(isMicrosecondTimestamp),
  i: z.uuid(),
});

/** Opaque to clients (opaque-cursor.ts). */
export function encodeKeysetCursor(position: KeysetPosition): string {
  return encodeOpaqueCursor({ t: position.at, i: position.id });
}

/** The cursor a previous page returned, or undefined for anything else (tampered, truncated, foreign). */
export function decodeKeysetCursor(cursor: string): KeysetPosition | undefined {
  const payload = decodeOpaqueCursor(cursor, cursorPayload);
  return payload && { at: payload.t, id: payload.i };
}

/** A list input's cursor: none for the first page; one no previous page returned is a validation error. */
export function readKeysetCursor(cursor: string | null | undefined): KeysetPosition | undefined {
  return readCursor(cursor, decodeKeysetCursor);
}

/**
 * One page of a list fetched with `limit + 1` rows: the page, and the cursor of its last row when there
 * is more.
 */
export function keysetPage<Row>(
  rows: readonly Row[],
  limit: number,
  positionOf: (row: Row) => KeysetPosition,
): { page: Row[]; nextCursor: string | null } {
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return {
    page,
    nextCursor: rows.length > limit && last ? encodeKeysetCursor(positionOf(last)) : null,
  };
}
