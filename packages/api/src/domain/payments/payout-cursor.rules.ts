import { z } from 'zod';

/** listPayouts' keyset position: the last row's created_at with microseconds, and its payout_id. */
export interface PayoutCursor {
  createdAt: string;
  payoutId: string;
}

const cursorPayload = z.object({
  c: z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/),
  p: z.uuid(),
});

/** Opaque to clients: base64url of a small JSON object. */
export function encodePayoutCursor(cursor: PayoutCursor): string {
  return Buffer.from(JSON.stringify({ c: cursor.createdAt, p: cursor.payoutId }), 'utf8').toString(
    'base64url',
  );
}

/** The cursor a previous page returned, or undefined for anything else. */
export function decodePayoutCursor(cursor: string): PayoutCursor | undefined {
  let json: unknown;
  try {
    json = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    return undefined;
  }
  const parsed = cursorPayload.safeParse(json);
  return parsed.success ? { createdAt: parsed.data.c, payoutId: parsed.data.p } : undefined;
}
