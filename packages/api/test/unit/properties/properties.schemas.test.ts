import { describe, expect, it } from 'vitest';
import { countryCodes, isCountryCode } from '../../../src/domain/properties/countries.ts';
import { isCurrencyCode } from '../../../src/domain/properties/currencies.ts';
import {
  addPhotoInput,
  calendarInput,
  createPropertyInput,
  dateRangeInput,
  reorderPhotosInput,
  updatePropertyInput,
} from '../../../src/schemas/properties.schemas.ts';

const listing = {
  name: 'Cabin',
  propertyType: 'cabin',
  city: 'Bergen',
  country: 'NO',
  lat: 60.39,
  lng: 5.32,
  timezone: 'Europe/Oslo',
  pricePerNightCents: 150_000,
  currency: 'NOK',
  maxGuests: 4,
  bedrooms: 2,
  beds: 3,
  bathrooms: 1,
  cancellationPolicy: 'strict',
};

const pathsOf = (result: { success: boolean; error?: { issues: { path: PropertyKey[] }[] } }) =>
  result.error?.issues.map((issue) => issue.path.join('.')) ?? [];

describe('the country list', () => {
  it('holds the 249 officially assigned ISO 3166-1 alpha-2 codes', () => {
    expect(countryCodes).toHaveLength(249);
    expect(new Set(countryCodes).size).toBe(249);
    for (const code of ['PT', 'US', 'JP', 'SS', 'CW', 'AX', 'AQ']) expect(isCountryCode(code)).toBe(true);
    for (const code of ['UK', 'EU', 'XK', 'ZZ', 'AN', 'pt', 'PRT']) expect(isCountryCode(code)).toBe(false);
  });
});

describe('isCurrencyCode', () => {
  it('knows ISO 4217 currencies and refuses units of account and made-up codes', () => {
    for (const code of ['EUR', 'USD', 'JPY', 'ISK', 'ZAR']) expect(isCurrencyCode(code)).toBe(true);
    for (const code of ['XDR', 'ABC', 'eur', 'EURO']) expect(isCurrencyCode(code)).toBe(false);
  });
});

describe('createPropertyInput', () => {
  it('accepts a listing with only the required fields', () => {
    expect(createPropertyInput.safeParse(listing).success).toBe(true);
  });

  it('refuses an unknown property type and keys a host does not set', () => {
    expect(pathsOf(createPropertyInput.safeParse({ ...listing, propertyType: 'castle' }))).toEqual([
      'propertyType',
    ]);
    expect(createPropertyInput.safeParse({ ...listing, status: 'listed' }).success).toBe(false);
    expect(createPropertyInput.safeParse({ ...listing, hostId: 'someone' }).success).toBe(false);
  });

  it('refuses a missing required field by name', () => {
    const { timezone: _timezone, ...withoutZone } = listing;
    expect(pathsOf(createPropertyInput.safeParse(withoutZone))).toEqual(['timezone']);
  });

  it('refuses non-finite coordinates', () => {
    expect(pathsOf(createPropertyInput.safeParse({ ...listing, lat: Number.NaN }))).toEqual(['lat']);
    expect(pathsOf(createPropertyInput.safeParse({ ...listing, lng: Number.POSITIVE_INFINITY }))).toEqual([
      'lng',
    ]);
  });

  it('accepts bathrooms in halves only', () => {
    expect(createPropertyInput.safeParse({ ...listing, bathrooms: 2.5 }).success).toBe(true);
    expect(pathsOf(createPropertyInput.safeParse({ ...listing, bathrooms: 2.3 }))).toEqual(['bathrooms']);
  });
});

describe('updatePropertyInput', () => {
  it('accepts any subset of fields with the listing id', () => {
    const parsed = updatePropertyInput.parse({
      propertyId: '3f0e7d4e-8c55-4a53-9d0c-0c4f0a1b2c3d',
      country: 'de',
    });
    expect(parsed).toEqual({ propertyId: '3f0e7d4e-8c55-4a53-9d0c-0c4f0a1b2c3d', country: 'DE' });
  });

  it('refuses a status change through update', () => {
    expect(
      updatePropertyInput.safeParse({ propertyId: '3f0e7d4e-8c55-4a53-9d0c-0c4f0a1b2c3d', status: 'listed' })
        .success,
    ).toBe(false);
  });
});

describe('addPhotoInput and reorderPhotosInput', () => {
  it('takes https URLs only, and a blank caption as none', () => {
    const propertyId = '3f0e7d4e-8c55-4a53-9d0c-0c4f0a1b2c3d';
    expect(
      addPhotoInput.parse({ propertyId, url: 'https://cdn.example.test/a.jpg', caption: ' ' }).caption,
    ).toBeNull();
    expect(pathsOf(addPhotoInput.safeParse({ propertyId, url: 'ftp://cdn.example.test/a.jpg' }))).toEqual([
      'url',
    ]);
  });

  it('refuses more than 20 photo ids', () => {
    const ids = Array.from(
      { length: 21 },
      (_, i) => `3f0e7d4e-8c55-4a53-9d0c-${String(i).padStart(12, '0')}`,
    );
    expect(pathsOf(reorderPhotosInput.safeParse({ propertyId: ids[0], photoIds: ids }))).toEqual([
      'photoIds',
    ]);
  });
});

describe('calendar and block ranges', () => {
  const propertyId = '3f0e7d4e-8c55-4a53-9d0c-0c4f0a1b2c3d';

  it('takes up to 366 days for a calendar page and up to 365 for a block', () => {
    expect(calendarInput.safeParse({ propertyId, from: '2032-01-01', to: '2033-01-01' }).success).toBe(true);
    expect(
      dateRangeInput.safeParse({ propertyId, startDate: '2031-01-01', endDate: '2032-01-01' }).success,
    ).toBe(true);
    expect(
      pathsOf(dateRangeInput.safeParse({ propertyId, startDate: '2032-01-01', endDate: '2033-01-01' })),
    ).toEqual(['endDate']);
  });

  it('refuses dates that are not calendar days without tripping over them', () => {
    expect(
      pathsOf(dateRangeInput.safeParse({ propertyId, startDate: '2031-02-29', endDate: '2031-03-02' })),
    ).toEqual(['startDate']);
    expect(pathsOf(calendarInput.safeParse({ propertyId, from: '01/04/2031', to: '2031-04-02' }))).toEqual([
      'from',
    ]);
  });
});
