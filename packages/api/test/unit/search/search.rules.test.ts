import { describe, expect, it } from 'vitest';
import { ValidationError } from '../../../src/domain/errors.ts';
import { planSearch } from '../../../src/domain/search/search.rules.ts';
import { decodeSearchCursor, encodeSearchCursor } from '../../../src/domain/search/search-cursor.rules.ts';
import { containsPattern } from '../../../src/domain/shared/like-pattern.ts';
import { propertySearchInput } from '../../../src/schemas/search.schemas.ts';

const TODAY = '2030-01-10';
const plan = (input: unknown) => planSearch(propertySearchInput.parse(input), TODAY);
const id = '3f2a8c1e-9b7d-4e6f-8a5b-1c2d3e4f5a6b';

describe('search cursors', () => {
  it('round-trips every sort key exactly, including a float distance', () => {
    const cursors = [
      { sort: 'newest', createdAt: '2030-01-01T10:00:00.123456Z', propertyId: id },
      { sort: 'price_asc', pricePerNightCents: 12_300, propertyId: id },
      { sort: 'price_desc', pricePerNightCents: 0, propertyId: id },
      { sort: 'rating', rating: 4.57, propertyId: id },
      { sort: 'distance', distanceKm: 12.345678901234567, propertyId: id },
    ] as const;
    for (const cursor of cursors) {
      expect(decodeSearchCursor(encodeSearchCursor(cursor), cursor.sort)).toEqual(cursor);
    }
  });

  it('refuses a cursor of another sort, a tampered one and garbage', () => {
    const price = encodeSearchCursor({ sort: 'price_asc', pricePerNightCents: 100, propertyId: id });
    expect(decodeSearchCursor(price, 'price_desc')).toBeUndefined();
    const tampered = Buffer.from(JSON.stringify({ s: 'price_asc', k: 'DROP TABLE', id })).toString(
      'base64url',
    );
    expect(decodeSearchCursor(tampered, 'price_asc')).toBeUndefined();
    expect(decodeSearchCursor('%%%', 'newest')).toBeUndefined();
  });

  it.each([
    ['an impossible timestamp', { s: 'newest', k: '2030-02-30T10:00:00.123456Z' }],
    ['a price beyond what a listing may cost (and int4)', { s: 'price_asc', k: 2 ** 31 }],
    ['a subnormal distance, which float8 cannot take', { s: 'distance', k: 1e-320 }],
    ['a subnormal rating', { s: 'rating', k: 5e-324 }],
    ['a rating above 5', { s: 'rating', k: 5.5 }],
  ] as const)('refuses a well-formed cursor with %s', (_, payload) => {
    const cursor = Buffer.from(JSON.stringify({ ...payload, id })).toString('base64url');
    expect(decodeSearchCursor(cursor, payload.s)).toBeUndefined();
  });
});

describe('planSearch', () => {
  it('escapes LIKE characters in the text', () => {
    expect(containsPattern('50%_off\\')).toBe('%50\\%\\_off\\\\%');
  });

  it('gives equal searches one canonical form', () => {
    const a = plan({ text: ' Lisbon ', country: 'pt', amenities: ['wifi', 'pool', 'wifi'] });
    const b = plan({ amenities: ['pool', 'wifi'], country: 'PT', text: 'Lisbon', sort: 'newest', limit: 20 });
    expect(a.canonical).toBe(b.canonical);
    expect(plan({ text: 'Lisbon', limit: 21 }).canonical).not.toBe(plan({ text: 'Lisbon' }).canonical);
  });

  it('depends on availability only when dates are given, and fetches one row more than the page', () => {
    expect(plan({}).dependsOnAvailability).toBe(false);
    const dated = plan({ startDate: '2030-02-01', endDate: '2030-02-08', limit: 5 });
    expect(dated.dependsOnAvailability).toBe(true);
    expect(dated.criteria.stay).toEqual({ startDate: '2030-02-01', endDate: '2030-02-08', nights: 7 });
    expect(dated.criteria.fetch).toBe(6);
  });

  it('accepts a stay starting yesterday in UTC (already today somewhere west), not the day before', () => {
    expect(() => plan({ startDate: '2030-01-09', endDate: '2030-01-12' })).not.toThrow();
    expect(() => plan({ startDate: '2030-01-08', endDate: '2030-01-12' })).toThrow(ValidationError);
  });
});
