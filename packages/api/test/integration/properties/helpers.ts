import type { inferRouterInputs } from '@trpc/server';
import type { Deps } from '../../../src/domain/deps.ts';
import type { appRouter } from '../../../src/routers/app.router.ts';
import { createProperty, createUser, insertPhotos, signedIn } from '../../../src/testing/index.ts';

/** Shared by the properties integration tests: new listings, listings with photos. */

type RouterInput = inferRouterInputs<typeof appRouter>;

/** A complete new listing as a host would send it. */
export function newListing(overrides: Partial<RouterInput['properties']['create']> = {}) {
  return {
    name: 'Sunny Alfama apartment',
    description: 'Two bedrooms over the river.',
    propertyType: 'apartment',
    address: 'Rua de São Miguel 21',
    city: 'Lisbon',
    region: 'Lisboa',
    country: 'PT',
    lat: 38.711_34,
    lng: -9.129_87,
    timezone: 'Europe/Lisbon',
    pricePerNightCents: 9_500,
    cleaningFeeCents: 3_500,
    currency: 'EUR',
    maxGuests: 4,
    bedrooms: 2,
    beds: 2,
    bathrooms: 1.5,
    minNights: 2,
    maxNights: 28,
    instantBook: true,
    cancellationPolicy: 'flexible',
    amenities: ['wifi', 'kitchen'],
    ...overrides,
  } satisfies RouterInput['properties']['create'];
}

/** A host (signed in) with a listed place that has one photo. */
export async function hostWithListing(deps: Deps, overrides: Parameters<typeof createProperty>[2] = {}) {
  const host = await signedIn(deps, 'host');
  const { propertyId } = await createProperty(deps.db, host.userId, overrides);
  await insertPhotos(deps, propertyId, 1);
  return { host, propertyId };
}

/** A user who is not signed in, e.g. a guest whose booking a test needs. */
export const plainGuest = (deps: Deps) => createUser(deps.db, { role: 'guest' });
