import { z } from 'zod';

/**
 * listMine's keyset position: the last row's created_at (as Postgres prints it, with microseconds: two
 * listings created in the same millisecond would otherwise be skipped or repeated at a page boundary) and
 * its property_id.
 */
export interface PropertyCursor {
  createdAt: string;
  propertyId: string;
}

const cursorPayload = z.object({
  c: z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/),
  p: z.uuid(),
});

/** Opaque to clients: base64url of a small JSON object. */
export function encodePropertyCursor(cursor: PropertyCursor): string {
  return Buffer.from(JSON.stringify({ c: cursor.createdAt, p: cursor.propertyId }), 'utf8').toString(
    'base64url',
  );
}

/** The cursor a previous page returned, or undefined for anything else (tampered, truncated, foreign). */
export function decodePropertyCursor(cursor: string): PropertyCursor | undefined {
  let json: unknown;
  try {
    json = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    return undefined;
  }
  const parsed = cursorPayload.safeParse(json);
  return parsed.success ? { createdAt: parsed.data.c, propertyId: parsed.data.p } : undefined;
}
