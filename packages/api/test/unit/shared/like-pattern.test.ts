import { describe, expect, it } from 'vitest';
import { containsPattern } from '../../../src/domain/shared/like-pattern.ts';
import { decodeUserCursor, encodeUserCursor } from '../../../src/domain/users/user-search.rules.ts';

const position = { createdAt: '2026-11-23T10:15:30.123456Z', userId: '3b241101-e2bb-4255-8caf-4136c566a962' };

describe('user list cursor', () => {
  it('decodes what it encoded, microseconds included', () => {
    expect(decodeUserCursor(encodeUserCursor(position))).toEqual(position);
  });

  it('is URL-safe text that does not spell out its contents', () => {
    const cursor = encodeUserCursor(position);
    expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(cursor).not.toContain(position.userId);
  });

  it.each([
    ['garbage', 'not a cursor'],
    ['base64 of non-JSON', Buffer.from('hello').toString('base64url')],
    ['JSON of another shape', Buffer.from(JSON.stringify({ createdAt: 'x' })).toString('base64url')],
    ['a millisecond timestamp', encodeUserCursor({ ...position, createdAt: '2026-11-23T10:15:30.123Z' })],
    ['an id that is not a UUID', encodeUserCursor({ ...position, userId: "1' OR 1=1" })],
    ['an empty string', ''],
  ])('rejects %s', (_, cursor) => {
    expect(decodeUserCursor(cursor)).toBeUndefined();
  });
});

describe('containsPattern', () => {
  it('matches the text anywhere', () => {
    expect(containsPattern('ana')).toBe('%ana%');
  });

  it('escapes LIKE wildcards and the escape character so they match themselves', () => {
    expect(containsPattern('100%_a\\b')).toBe('%100\\%\\_a\\\\b%');
  });
});
