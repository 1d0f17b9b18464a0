import { describe, expect, it } from 'vitest';
import { containsPattern } from '../../../src/domain/shared/like-pattern.ts';

describe('containsPattern', () => {
  it('matches the text anywhere', () => {
    expect(containsPattern('ana')).toBe('%ana%');
  });

  it('escapes LIKE wildcards and the escape character so they match themselves', () => {
    expect(containsPattern('100%_a\\b')).toBe('%100\\%\\_a\\\\b%');
  });
});
