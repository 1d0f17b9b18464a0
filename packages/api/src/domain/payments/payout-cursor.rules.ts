import { decodeKeysetCursor, encodeKeysetCursor } from '../shared/keyset-cursor.ts';

/** listPayouts' keyset position: the last row's created_at with microseconds, and its payout_id. */
export interface PayoutCursor {
  createdAt: string;
  payoutId: string;
}

/** Opaque to clients; the shared keyset cursor (domain/shared/keyset-cursor.ts). */
export function encodePayoutCursor(cursor: PayoutCursor): string {
  return encodeKeysetCursor({ at: cursor.createdAt, id: cursor.payoutId });
}

/** The cursor a previous page returned, or undefined for anything else (tampered, truncated, foreign). */
export function decodePayoutCursor(cursor: string): PayoutCursor | undefined {
  const position = decodeKeysetCursor(cursor);
  return position && { createdAt: position.at, payoutId: position.id };
}
