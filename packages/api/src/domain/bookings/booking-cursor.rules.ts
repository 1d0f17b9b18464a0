import { z } from 'zod';
import { isIsoDate } from '../shared/dates.ts';
import { decodeOpaqueCursor, encodeOpaqueCursor, readCursor } from '../shared/opaque-cursor.ts';

/** A booking list's keyset position: the last row's start date and id (ties on a date broken by id). */
export interface BookingCursor {
  startDate: string;
  bookingId: string;
}

const cursorPayload = z.object({ s: z.string().refine(isIsoDate), b: z.uuid() });

/** Opaque to clients (opaque-cursor.ts). */
export function encodeBookingCursor(cursor: BookingCursor): string {
  return encodeOpaqueCursor({ s: cursor.startDate, b: cursor.bookingId });
}

/** The cursor a previous page returned, or undefined for anything else (tampered, truncated, foreign). */
export function decodeBookingCursor(cursor: string): BookingCursor | undefined {
  const payload = decodeOpaqueCursor(cursor, cursorPayload);
  return payload && { startDate: payload.s, bookingId: payload.b };
}

/** A booking list input's cursor: none for the first page; a foreign one is a validation error. */
export function readBookingCursor(cursor: string | null | undefined): BookingCursor | undefined {
  return readCursor(cursor, decodeBookingCursor);
}
