import { describe, expect, it } from 'vitest';
import { ValidationError } from '../../../src/domain/errors.ts';
import {
  decodeKeysetCursor,
  encodeKeysetCursor,
  keysetPage,
  readKeysetCursor,
} from '../../../src/domain/shared/keyset-cursor.ts';

const position = { at: '2031-04-01T09:00:00.123456Z', id: '6f1c2b9e-2d7a-4c1e-9a57-3f0e8b8d2c11' };

describe('keyset cursors', () => {
  it('round-trips a position, microseconds included', () => {
    expect(decodeKeysetCursor(encodeKeysetCursor(position))).toEqual(position);
  });

  it.each(['', 'not-base64-json', Buffer.from('{"t":"yesterday","i":"x"}').toString('base64url')])(
    'decodes %j to nothing',
    (cursor) => {
      expect(decodeKeysetCursor(cursor)).toBeUndefined();
    },
  );

  it('is URL-safe text that does not spell out its contents', () => {
    const cursor = encodeKeysetCursor(position);
    expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(cursor).not.toContain(position.id);
  });

  it.each([
    ['garbage', 'not a cursor'],
    ['base64 of non-JSON', Buffer.from('hello').toString('base64url')],
    ['JSON of another shape', Buffer.from(JSON.stringify({ createdAt: 'x' })).toString('base64url')],
    ['a millisecond timestamp', encodeKeysetCursor({ ...position, at: '2031-04-01T09:00:00.123Z' })],
    ['an id that is not a UUID', encodeKeysetCursor({ ...position, id: "1' OR 1=1" })],
    ['February 30th', encodeKeysetCursor({ ...position, at: '2031-02-30T09:00:00.123456Z' })],
    ['year 0000', encodeKeysetCursor({ ...position, at: '0000-01-01T00:00:00.000000Z' })],
    ['hour 99', encodeKeysetCursor({ ...position, at: '2031-04-01T99:99:99.000000Z' })],
    ['hour 24', encodeKeysetCursor({ ...position, at: '2031-04-01T24:00:00.000000Z' })],
    ['an empty string', ''],
  ])('rejects %s', (_, cursor) => {
    expect(decodeKeysetCursor(cursor)).toBeUndefined();
  });

  it('reads no cursor as the first page and refuses a foreign one on the cursor field', () => {
    expect(readKeysetCursor(null)).toBeUndefined();
    expect(readKeysetCursor(undefined)).toBeUndefined();
    expect(() => readKeysetCursor('foreign')).toThrow(ValidationError);
    try {
      readKeysetCursor('foreign');
    } catch (error) {
      expect(error instanceof ValidationError && error.path).toEqual(['cursor']);
    }
  });

  it('cuts limit + 1 rows to a page with the cursor of its last row, and none on the last page', () => {
    const rows = [1, 2, 3].map((n) => ({ n }));
    const at = (row: { n: number }) => ({ ...position, id: `${position.id.slice(0, -1)}${row.n}` });
    const more = keysetPage(rows, 2, at);
    expect(more.page).toEqual([{ n: 1 }, { n: 2 }]);
    expect(more.nextCursor && decodeKeysetCursor(more.nextCursor)).toEqual(at({ n: 2 }));
    expect(keysetPage(rows, 3, at)).toEqual({ page: rows, nextCursor: null });
  });
});
