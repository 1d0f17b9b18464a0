import { describe, expect, it } from 'vitest';
import { restOperations } from '../../../src/rest/rest-operations.ts';
import { inputFromPath, inputFromQuery } from '../../../src/rest/rest-query.ts';

const schemaOf = (procedure: string) => {
  const operation = restOperations().find((candidate) => candidate.procedure === procedure);
  if (!operation) throw new Error(`no operation ${procedure}`);
  return operation.inputSchema;
};

const search = schemaOf('properties.search');

describe('a REST query string read against the input schema', () => {
  it('reads numbers, booleans, dates and text as the search input types them', () => {
    const query = new URLSearchParams(
      'text=lisbon&startDate=2031-05-01&endDate=2031-05-04&guests=2&instantBook=true&minRating=4.5&limit=10',
    );
    expect(inputFromQuery(query, search)).toEqual({
      text: 'lisbon',
      startDate: '2031-05-01',
      endDate: '2031-05-04',
      guests: 2,
      instantBook: true,
      minRating: 4.5,
      limit: 10,
    });
  });

  it('reads a repeated parameter as an array and bracketed ones as a nested object', () => {
    const query = new URLSearchParams(
      'amenities=wifi&amenities=pool&near[lat]=38.7&near[lng]=-9.1&near[radiusKm]=5',
    );
    expect(inputFromQuery(query, search)).toEqual({
      amenities: ['wifi', 'pool'],
      near: { lat: 38.7, lng: -9.1, radiusKm: 5 },
    });
  });

  it('keeps a value that does not read as its type as text, so the schema refuses it by name', () => {
    const query = new URLSearchParams('guests=two&instantBook=yes&limit=&cursor=');
    expect(inputFromQuery(query, search)).toEqual({ guests: 'two', instantBook: 'yes' });
  });

  it('keeps a repeated single-valued parameter as a list instead of picking one', () => {
    expect(inputFromQuery(new URLSearchParams('guests=2&guests=3'), search)).toEqual({ guests: ['2', '3'] });
  });

  it('never lets a parameter name reach the prototype', () => {
    const input = inputFromQuery(new URLSearchParams('__proto__[polluted]=1'), search);
    expect(Object.getPrototypeOf(input)).toBe(Object.prototype);
    expect(Reflect.get({}, 'polluted')).toBeUndefined();
  });

  it('types path parameters the same way', () => {
    expect(inputFromPath({ bookingId: 'b1' }, schemaOf('bookings.get'))).toEqual({ bookingId: 'b1' });
  });
});
