import { describe, expect, it } from 'vitest';
import { canAddPhoto, isSameSet, MAX_PHOTOS } from '../../../src/domain/properties/photo.rules.ts';
import {
  approximateCoordinate,
  canManage,
  canView,
  missingForListing,
  nightsInOrder,
  propertyPatch,
} from '../../../src/domain/properties/property.rules.ts';
import type { BasePropertyView } from '../../../src/domain/properties/property.views.ts';
import { toViewerView } from '../../../src/domain/properties/property.views.ts';

const viewer = (role: 'guest' | 'host' | 'admin', userId = 'u1') => ({ userId, sessionId: 's', role });

describe('canManage and canView', () => {
  it('lets the host and any admin manage a listing, nobody else', () => {
    expect(canManage(viewer('host', 'h1'), 'h1')).toBe(true);
    expect(canManage(viewer('admin', 'a1'), 'h1')).toBe(true);
    expect(canManage(viewer('host', 'h2'), 'h1')).toBe(false);
    expect(canManage(null, 'h1')).toBe(false);
  });

  it('shows listed places to anyone and the rest only to those who manage them', () => {
    expect(canView('listed', false)).toBe(true);
    for (const status of ['draft', 'unlisted', 'suspended', 'archived'] as const) {
      expect(canView(status, false)).toBe(false);
      expect(canView(status, true)).toBe(true);
    }
  });
});

describe('missingForListing', () => {
  it('is empty for a listing with a description, an address and a photo', () => {
    expect(missingForListing({ description: 'Nice', address: '1 Main St', photoCount: 1 })).toEqual([]);
  });

  it('names every missing part, treating blank text as missing', () => {
    expect(missingForListing({ description: '  ', address: '', photoCount: 0 })).toEqual([
      'description',
      'address',
      'photos',
    ]);
  });
});

describe('approximateCoordinate and toViewerView', () => {
  it('rounds to two decimals of a degree', () => {
    expect(approximateCoordinate(38.711_34)).toBe(38.71);
    expect(approximateCoordinate(-9.129_87)).toBe(-9.13);
    expect(approximateCoordinate(0.004_9)).toBe(0);
  });

  const base: BasePropertyView = {
    propertyId: '3f0e7d4e-8c55-4a53-9d0c-0c4f0a1b2c3d',
    host: { userId: '5b1f3c2a-1d4e-4f6a-8b7c-9d0e1f2a3b4c', firstName: 'Hana', avatarUrl: null },
    name: 'Alfama flat',
    description: 'Bright',
    propertyType: 'apartment',
    address: '1 Main St',
    city: 'Lisbon',
    region: null,
    country: 'PT',
    lat: 38.711_34,
    lng: -9.129_87,
    timezone: 'Europe/Lisbon',
    pricePerNightCents: 9_500,
    cleaningFeeCents: 0,
    currency: 'EUR',
    maxGuests: 2,
    bedrooms: 1,
    beds: 1,
    bathrooms: 1,
    minNights: 1,
    maxNights: 30,
    instantBook: false,
    cancellationPolicy: 'moderate',
    weekendPricePerNightCents: null,
    weeklyDiscountPercent: 0,
    monthlyDiscountPercent: 0,
    checkInFrom: '15:00',
    checkInUntil: '22:00',
    checkOutBy: '11:00',
    houseRules: null,
    petsAllowed: false,
    smokingAllowed: false,
    eventsAllowed: false,
    status: 'listed',
    ratingAvg: null,
    reviewCount: 0,
    listedAt: null,
    createdAt: new Date('2030-01-01T00:00:00Z'),
    updatedAt: new Date('2030-01-01T00:00:00Z'),
    amenities: [],
    photos: [],
  };

  it('releases the exact address and position only when told to', () => {
    expect(toViewerView(base, true)).toMatchObject({
      address: '1 Main St',
      lat: 38.711_34,
      exactLocation: true,
    });
    expect(toViewerView(base, false)).toMatchObject({
      address: null,
      lat: 38.71,
      lng: -9.13,
      exactLocation: false,
    });
  });
});

describe('propertyPatch', () => {
  it('maps only the fields sent, null included', () => {
    expect(propertyPatch({ name: 'New', region: null, pricePerNightCents: 100 })).toEqual({
      name: 'New',
      region: null,
      price_per_night_cents: 100,
    });
    expect(propertyPatch({})).toEqual({});
  });
});

describe('nightsInOrder', () => {
  it('accepts 1 ≤ min ≤ max ≤ 365 only', () => {
    expect(nightsInOrder(1, 365)).toBe(true);
    expect(nightsInOrder(3, 3)).toBe(true);
    expect(nightsInOrder(4, 3)).toBe(false);
    expect(nightsInOrder(0, 3)).toBe(false);
    expect(nightsInOrder(1, 366)).toBe(false);
  });
});

describe('photo rules', () => {
  it(`allows adding up to ${MAX_PHOTOS} photos`, () => {
    expect(canAddPhoto(MAX_PHOTOS - 1)).toBe(true);
    expect(canAddPhoto(MAX_PHOTOS)).toBe(false);
  });

  it('accepts a reorder only when it names every current photo once', () => {
    expect(isSameSet(['a', 'b', 'c'], ['c', 'a', 'b'])).toBe(true);
    expect(isSameSet(['a', 'b', 'c'], ['a', 'b'])).toBe(false);
    expect(isSameSet(['a', 'b', 'c'], ['a', 'a', 'b'])).toBe(false);
    expect(isSameSet(['a', 'b', 'c'], ['a', 'b', 'c', 'd'])).toBe(false);
    expect(isSameSet(['a', 'b', 'c'], ['a', 'b', 'd'])).toBe(false);
  });
});
