import type { z } from 'zod';
import { ValidationError } from '../errors.ts';

/**
 * The one page-cursor codec: every list's cursor is base64url of a small JSON value, opaque to clients and
 * decoded only against the schema of the list that made it. A list states its position's shape; it never
 * encodes or parses cursors on its own.
 */
export function encodeOpaqueCursor(value: unknown): string {
  return Buffer.from(JSON.stringify(value), 'utf8').toString('base64url');
}

/** What encodeOpaqueCursor encoded, if it matches `schema`; undefined for anything else (tampered, truncated, foreign). */
export function decodeOpaqueCursor<S extends z.ZodType>(cursor: string, schema: S): z.infer<S> | undefined {
  let json: unknown;
  try {
    json = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    // Not base64url of JSON: not a cursor any page handed out, which the caller reports.
    return undefined;
  }
  const parsed = schema.safeParse(json);
  return parsed.success ? parsed.data : undefined;
}

/**
 * A list input's cursor: none (or empty) for the first page; one that `decode` does not recognise is a
 * validation error on `cursor`, never a silent first page.
 */
export function readCursor<P>(
  cursor: string | null | undefined,
  decode: (cursor: string) => P | undefined,
): P | undefined {
  if (!cursor) return undefined;
  const position = decode(cursor);
  if (position === undefined) {
    throw new ValidationError(
      'this cursor is not one a previous page returned',
      ['cursor'],
      'INVALID_CURSOR',
    );
  }
  return position;
}
