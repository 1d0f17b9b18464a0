import { describe, expect, it } from 'vitest';
import { cacheKeyKind } from '../../../src/infra/metrics/cache-metrics.ts';

describe('the cache label of a key', () => {
  it('is the namespace before the first colon, never the ids after it', () => {
    expect(cacheKeyKind('profile:0b7e3c1a-5d2f-4c8e-9a61-3f4d2e1b0c9a')).toBe('profile');
    expect(cacheKeyKind(`session:${'ab'.repeat(32)}`)).toBe('session');
    expect(cacheKeyKind('property:0b7e3c1a-5d2f-4c8e-9a61-3f4d2e1b0c9a:6f1c')).toBe('property');
    expect(cacheKeyKind('search-generation:listings')).toBe('search-generation');
  });

  it('is the whole key when it has no colon', () => {
    expect(cacheKeyKind('amenity-catalog')).toBe('amenity-catalog');
  });

  it('is other for anything that does not look like a namespace', () => {
    for (const key of [
      '',
      ':x',
      'Profile:1',
      'someone@example.test:1',
      '0b7e3c1a-5d2f-4c8e-9a61-3f4d2e1b0c9a',
      'a'.repeat(41),
      'two words:1',
    ]) {
      expect(cacheKeyKind(key)).toBe('other');
    }
  });
});
