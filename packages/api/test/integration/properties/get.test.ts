import type { BookingStatus, PropertyStatus } from '@stayhub/db';
import { describe, expect, it } from 'vitest';
import {
  callerFor,
  createBooking,
  createProperty,
  createSignedInUser,
  createUser,
  failureOf,
  signedIn,
  useTestDeps,
} from '../../../src/testing/index.ts';
import { hostWithListing } from './helpers.ts';

const deps = await useTestDeps();

const exactLocation = { address: '1 Test Street', lat: 38.722_31, lng: -9.139_27 };

async function listingWithLocation(status: PropertyStatus = 'listed') {
  return hostWithListing(deps, {
    status,
    address: exactLocation.address,
    lat: exactLocation.lat,
    lng: exactLocation.lng,
  });
}

/** A signed-in guest with a booking of `status` at the listing. */
async function guestWithBooking(propertyId: string, status: BookingStatus, startDate = '2031-05-01') {
  const guest = await createSignedInUser(deps, { role: 'guest' });
  await createBooking(deps.db, {
    propertyId,
    guestId: guest.userId,
    startDate,
    endDate: '2031-05-04',
    status,
  });
  return callerFor(deps, { token: guest.token });
}

describe('properties.get: who sees a listing', () => {
  it('shows a listed place to anyone, anonymous too', async () => {
    const { propertyId } = await listingWithLocation();
    const view = await callerFor(deps).properties.get({ propertyId });
    expect(view).toMatchObject({ propertyId, status: 'listed' });
  });

  it.each(['draft', 'unlisted', 'suspended', 'archived'] as const)(
    'shows a %s place only to its host and admins; anyone else gets NOT_FOUND',
    async (status) => {
      const { host, propertyId } = await listingWithLocation(status);
      const admin = await signedIn(deps, 'admin');
      const otherHost = await signedIn(deps, 'host');
      const guest = await signedIn(deps, 'guest');

      expect((await host.caller.properties.get({ propertyId })).status).toBe(status);
      expect((await admin.caller.properties.get({ propertyId })).status).toBe(status);
      for (const caller of [callerFor(deps), otherHost.caller, guest.caller]) {
        expect((await failureOf(() => caller.properties.get({ propertyId }))).code).toBe('NOT_FOUND');
      }
    },
  );

  it('answers NOT_FOUND for an unknown listing', async () => {
    const failure = await failureOf(() =>
      callerFor(deps).properties.get({ propertyId: '00000000-0000-4000-8000-000000000000' }),
    );
    expect(failure.code).toBe('NOT_FOUND');
  });

  it('refuses a token that does not authenticate rather than answering as if anonymous', async () => {
    const { propertyId } = await listingWithLocation();
    const failure = await failureOf(() =>
      callerFor(deps, { token: 'not-a-session' }).properties.get({ propertyId }),
    );
    expect(failure.code).toBe('UNAUTHORIZED');
  });
});

describe('properties.get: privacy of the exact location (SPEC §4)', () => {
  it('hides the address and rounds the coordinates to ≈1 km for anonymous callers', async () => {
    const { propertyId } = await listingWithLocation();
    const view = await callerFor(deps).properties.get({ propertyId });
    expect(view).toMatchObject({ address: null, lat: 38.72, lng: -9.14, exactLocation: false });
    expect(JSON.stringify(view)).not.toContain(exactLocation.address);
  });

  it.each(['confirmed', 'completed'] as const)('shows it to a guest with a %s booking', async (status) => {
    const { propertyId } = await listingWithLocation();
    const guest = await guestWithBooking(propertyId, status);
    const view = await guest.properties.get({ propertyId });
    expect(view).toMatchObject({ ...exactLocation, exactLocation: true });
  });

  it.each(['canceled', 'requested', 'pending', 'declined', 'expired'] as const)(
    'hides it from a guest whose booking is %s',
    async (status) => {
      const { propertyId } = await listingWithLocation();
      const guest = await guestWithBooking(propertyId, status);
      const view = await guest.properties.get({ propertyId });
      expect(view).toMatchObject({ address: null, lat: 38.72, lng: -9.14, exactLocation: false });
    },
  );

  it('hides it from a guest with no booking, and from one whose stay was at another place', async () => {
    const { propertyId } = await listingWithLocation();
    const elsewhere = await createProperty(deps.db, (await createUser(deps.db, { role: 'host' })).userId);
    const traveller = await guestWithBooking(elsewhere.propertyId, 'confirmed');
    const stranger = await signedIn(deps, 'guest');

    for (const caller of [traveller, stranger.caller]) {
      expect(await caller.properties.get({ propertyId })).toMatchObject({
        address: null,
        exactLocation: false,
      });
    }
  });

  it('hides it from another host', async () => {
    const { propertyId } = await listingWithLocation();
    const other = await signedIn(deps, 'host');
    expect(await other.caller.properties.get({ propertyId })).toMatchObject({ address: null, lat: 38.72 });
  });

  it('shows it to the host and to admins', async () => {
    const { host, propertyId } = await listingWithLocation();
    const admin = await signedIn(deps, 'admin');
    for (const caller of [host.caller, admin.caller]) {
      expect(await caller.properties.get({ propertyId })).toMatchObject({
        ...exactLocation,
        exactLocation: true,
      });
    }
  });

  it('never leaks the cached exact location: a host read followed by an anonymous one', async () => {
    const { host, propertyId } = await listingWithLocation();
    await host.caller.properties.get({ propertyId });
    const view = await callerFor(deps).properties.get({ propertyId });
    expect(view).toMatchObject({ address: null, lat: 38.72, lng: -9.14 });
  });
});

describe('properties.get: the view', () => {
  it('has its amenities, its photos in order and the host without email or phone', async () => {
    const host = await createSignedInUser(deps, {
      role: 'host',
      first_name: 'Hana',
      avatar_url: 'https://cdn.example.test/hana.png',
      phone_number: '+351912345678',
    });
    const { propertyId } = await createProperty(deps.db, host.userId, { rating_avg: 4.5, review_count: 2 });
    // Inserted last-first, so the order must come from position, not insertion.
    const photos = await deps.db
      .insertInto('property_photos')
      .values([
        { property_id: propertyId, url: 'https://cdn.example.test/b.jpg', position: 1, caption: 'Bedroom' },
        { property_id: propertyId, url: 'https://cdn.example.test/a.jpg', position: 0, caption: null },
      ])
      .returning(['photo_id', 'url'])
      .execute();
    const amenities = await deps.db
      .selectFrom('amenities')
      .select('amenity_id')
      .where('code', 'in', ['pool', 'wifi'])
      .execute();
    await deps.db
      .insertInto('property_amenities')
      .values(amenities.map((a) => ({ property_id: propertyId, amenity_id: a.amenity_id })))
      .execute();

    const view = await callerFor(deps).properties.get({ propertyId });

    expect(view.host).toEqual({
      userId: host.userId,
      firstName: 'Hana',
      avatarUrl: 'https://cdn.example.test/hana.png',
    });
    expect(view.photos).toEqual([
      { photoId: photos[1]?.photo_id, url: 'https://cdn.example.test/a.jpg', caption: null, position: 0 },
      {
        photoId: photos[0]?.photo_id,
        url: 'https://cdn.example.test/b.jpg',
        caption: 'Bedroom',
        position: 1,
      },
    ]);
    expect(view.amenities.map((a) => a.code).sort()).toEqual(['pool', 'wifi']);
    expect(view).toMatchObject({ ratingAvg: 4.5, reviewCount: 2 });
    const text = JSON.stringify(view);
    expect(text).not.toContain(host.email);
    expect(text).not.toContain('+351912345678');
  });
});
