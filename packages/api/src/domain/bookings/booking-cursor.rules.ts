import { z } from 'zod';
import { isIsoDate } from '../shared/dates.ts';

/** A booking list's keyset position: the last row's start date and id (ties on a date broken by id). */
export interface BookingCursor {
  startDate: string;
  bookingId: string;
}

const cursorPayload = z.object({ s: z.string().refine(isIsoDate), b: z.uuid() });

/** Opaque to clients: base64url of a small JSON object. */
export function encodeBookingCursor(cursor: BookingCursor): string {
  return Buffer.from(JSON.stringify({ s: cursor.startDate, b: cursor.bookingId }), 'utf8').toString(
    'base64url',
  );
}

/** The cursor a previous page returned, or undefined for anything else (tampered, truncated, foreign). */
export function decodeBookingCursor(cursor: string): BookingCursor | undefined {
  let json: unknown;
  try {
    json = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    return undefined;
  }
  const parsed = cursorPayload.safeParse(json);
  return parsed.success ? { startDate: parsed.data.s, bookingId: parsed.data.b } : undefined;
}
