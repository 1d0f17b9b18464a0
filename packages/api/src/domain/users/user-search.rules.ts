import { z } from 'zod';

/**
 * The admin user list's keyset position: the last row's created_at and user_id. created_at travels as
 * Postgres prints it with microseconds (a JS Date keeps only milliseconds, and two users created in the
 * same millisecond would otherwise be skipped or repeated at a page boundary).
 */
export interface UserCursor {
  createdAt: string;
  userId: string;
}

const cursorPayload = z.object({
  c: z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/),
  u: z.uuid(),
});

/** Opaque to clients: base64url of a small JSON object. */
export function encodeUserCursor(cursor: UserCursor): string {
  return Buffer.from(JSON.stringify({ c: cursor.createdAt, u: cursor.userId }), 'utf8').toString('base64url');
}

/** The cursor a previous page returned, or undefined for anything else (tampered, truncated, foreign). */
export function decodeUserCursor(cursor: string): UserCursor | undefined {
  let json: unknown;
  try {
    json = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    return undefined;
  }
  const parsed = cursorPayload.safeParse(json);
  return parsed.success ? { createdAt: parsed.data.c, userId: parsed.data.u } : undefined;
}

/** An ILIKE pattern matching `text` anywhere, with LIKE's own characters (`\`, `%`, `_`) matching themselves. */
export function containsPattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (char) => `\\${char}`)}%`;
}
