import { describe, expect, it } from 'vitest';
import { callerFor, createProperty, failureOf, signedIn, useTestDeps } from '../../../src/testing/index.ts';
import { hostWithListing, newListing } from './helpers.ts';

const deps = await useTestDeps();

describe('properties.create', () => {
  it('saves a new listing as a draft owned by the calling host, with its amenities', async () => {
    const host = await signedIn(deps, 'host');

    const created = await host.caller.properties.create(newListing());

    expect(created).toMatchObject({
      status: 'draft',
      listedAt: null,
      host: { userId: host.userId, firstName: 'Test', avatarUrl: null },
      name: 'Sunny Alfama apartment',
      address: 'Rua de São Miguel 21',
      lat: 38.711_34,
      lng: -9.129_87,
      exactLocation: true,
      bathrooms: 1.5,
      pricePerNightCents: 9_500,
      ratingAvg: null,
      reviewCount: 0,
      photos: [],
    });
    expect(created.amenities.map((a) => a.code).sort()).toEqual(['kitchen', 'wifi']);
    expect(created.amenities[0]).toEqual({
      code: expect.any(String),
      name: expect.any(String),
      category: 'essentials',
    });
    const row = await deps.db
      .selectFrom('properties')
      .select(['host_id', 'status'])
      .where('property_id', '=', created.propertyId)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ host_id: host.userId, status: 'draft' });
  });

  it('fills what a draft may leave out: empty description and address, the database defaults', async () => {
    const host = await signedIn(deps, 'host');
    const {
      description: _d,
      address: _a,
      region: _r,
      cleaningFeeCents: _c,
      minNights: _min,
      maxNights: _max,
      instantBook: _i,
      amenities: _am,
      ...required
    } = newListing();

    const created = await host.caller.properties.create(required);

    expect(created).toMatchObject({
      description: '',
      address: '',
      region: null,
      cleaningFeeCents: 0,
      minNights: 1,
      maxNights: 365,
      instantBook: false,
      amenities: [],
    });
  });

  it('normalises codes: country and currency upper-cased, the time zone canonically spelled', async () => {
    const host = await signedIn(deps, 'host');
    const created = await host.caller.properties.create(
      newListing({ country: 'pt', currency: 'eur', timezone: 'europe/lisbon', region: '  ' }),
    );
    expect(created).toMatchObject({
      country: 'PT',
      currency: 'EUR',
      timezone: 'Europe/Lisbon',
      region: null,
    });
  });

  it('lets an admin list a place of their own', async () => {
    const admin = await signedIn(deps, 'admin');
    const created = await admin.caller.properties.create(newListing());
    expect(created.host.userId).toBe(admin.userId);
  });

  it('refuses guests (FORBIDDEN) and anonymous callers (UNAUTHORIZED)', async () => {
    const guest = await signedIn(deps, 'guest');
    expect((await failureOf(() => guest.caller.properties.create(newListing()))).code).toBe('FORBIDDEN');
    expect((await failureOf(() => callerFor(deps).properties.create(newListing()))).code).toBe(
      'UNAUTHORIZED',
    );
  });

  it.each([
    ['an empty name', { name: '  ' }, 'name'],
    ['a name over 120 characters', { name: 'x'.repeat(121) }, 'name'],
    ['a description over 5000 characters', { description: 'x'.repeat(5001) }, 'description'],
    ['a country that is not ISO 3166-1 alpha-2', { country: 'XK' }, 'country'],
    ['a three-letter country', { country: 'PRT' }, 'country'],
    ['a withdrawn country code', { country: 'UK' }, 'country'],
    ['a latitude beyond 90', { lat: 90.5 }, 'lat'],
    ['a longitude beyond -180', { lng: -180.1 }, 'lng'],
    ['an unknown time zone', { timezone: 'Mars/Olympus_Mons' }, 'timezone'],
    ['a price of zero', { pricePerNightCents: 0 }, 'pricePerNightCents'],
    ['a fractional price', { pricePerNightCents: 99.5 }, 'pricePerNightCents'],
    ['a negative cleaning fee', { cleaningFeeCents: -1 }, 'cleaningFeeCents'],
    ['an unknown currency', { currency: 'ABC' }, 'currency'],
    ['no guests', { maxGuests: 0 }, 'maxGuests'],
    ['more than 50 guests', { maxGuests: 51 }, 'maxGuests'],
    ['negative bedrooms', { bedrooms: -1 }, 'bedrooms'],
    ['bathrooms not in halves', { bathrooms: 1.25 }, 'bathrooms'],
    ['a minimum stay over the maximum', { minNights: 10, maxNights: 5 }, 'minNights'],
    ['a maximum stay over 365 nights', { maxNights: 366 }, 'maxNights'],
    ['a malformed amenity code', { amenities: ['Wi-Fi'] }, 'amenities.0'],
  ])('refuses %s with BAD_REQUEST on its field', async (_label, override, path) => {
    const host = await signedIn(deps, 'host');
    const failure = await failureOf(() => host.caller.properties.create(newListing(override)));
    expect(failure).toMatchObject({ code: 'BAD_REQUEST', reason: 'VALIDATION_FAILED' });
    expect(failure.fieldPaths).toContain(path);
  });

  it('refuses an amenity code the catalog does not have, naming its index', async () => {
    const host = await signedIn(deps, 'host');
    const failure = await failureOf(() =>
      host.caller.properties.create(newListing({ amenities: ['wifi', 'helipad'] })),
    );
    expect(failure).toMatchObject({ code: 'BAD_REQUEST', fieldPaths: ['amenities.1'] });
    const count = await deps.db
      .selectFrom('properties')
      .where('host_id', '=', host.userId)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(count.n).toBe(0);
  });
});

describe('properties.update', () => {
  it('changes only the fields sent', async () => {
    const host = await signedIn(deps, 'host');
    const created = await host.caller.properties.create(newListing());

    const updated = await host.caller.properties.update({
      propertyId: created.propertyId,
      pricePerNightCents: 12_000,
      region: null,
    });

    expect(updated).toMatchObject({ pricePerNightCents: 12_000, region: null, name: created.name });
    expect(updated.amenities).toEqual(created.amenities);
    expect(updated.updatedAt.getTime()).toBeGreaterThanOrEqual(created.updatedAt.getTime());
  });

  it('replaces the amenity set when amenities are sent', async () => {
    const host = await signedIn(deps, 'host');
    const created = await host.caller.properties.create(newListing({ amenities: ['wifi', 'kitchen'] }));

    const updated = await host.caller.properties.update({
      propertyId: created.propertyId,
      amenities: ['pool', 'pool', 'tv'],
    });

    expect(updated.amenities.map((a) => a.code).sort()).toEqual(['pool', 'tv']);
  });

  it('answers NOT_FOUND to another host updating my listing, and changes nothing', async () => {
    const { propertyId } = await hostWithListing(deps);
    const other = await signedIn(deps, 'host');

    const failure = await failureOf(() => other.caller.properties.update({ propertyId, name: 'Mine now' }));

    expect(failure).toMatchObject({ code: 'NOT_FOUND', reason: 'NOT_FOUND' });
    const row = await deps.db
      .selectFrom('properties')
      .select('name')
      .where('property_id', '=', propertyId)
      .executeTakeFirstOrThrow();
    expect(row.name).not.toBe('Mine now');
  });

  it('answers NOT_FOUND for a listing that does not exist', async () => {
    const host = await signedIn(deps, 'host');
    const failure = await failureOf(() =>
      host.caller.properties.update({ propertyId: '00000000-0000-4000-8000-000000000000', name: 'x' }),
    );
    expect(failure.code).toBe('NOT_FOUND');
  });

  it("lets an admin update any host's listing", async () => {
    const { propertyId } = await hostWithListing(deps);
    const admin = await signedIn(deps, 'admin');

    const updated = await admin.caller.properties.update({ propertyId, name: 'Renamed by support' });

    expect(updated.name).toBe('Renamed by support');
  });

  it('refuses a guest with FORBIDDEN before looking at the listing', async () => {
    const { propertyId } = await hostWithListing(deps);
    const guest = await signedIn(deps, 'guest');
    expect((await failureOf(() => guest.caller.properties.update({ propertyId, name: 'x' }))).code).toBe(
      'FORBIDDEN',
    );
  });

  it('checks a new minimum stay against the stored maximum', async () => {
    const { host, propertyId } = await hostWithListing(deps, { min_nights: 1, max_nights: 7 });

    const failure = await failureOf(() => host.caller.properties.update({ propertyId, minNights: 8 }));

    expect(failure).toMatchObject({ code: 'BAD_REQUEST', fieldPaths: ['minNights'] });
    const lowered = await failureOf(() => host.caller.properties.update({ propertyId, maxNights: 0 }));
    expect(lowered.code).toBe('BAD_REQUEST');
  });

  it('keeps a listed place complete: emptying its description is LISTING_INCOMPLETE', async () => {
    const { host, propertyId } = await hostWithListing(deps);

    const failure = await failureOf(() => host.caller.properties.update({ propertyId, description: '' }));

    expect(failure).toMatchObject({ code: 'UNPROCESSABLE_CONTENT', reason: 'LISTING_INCOMPLETE' });
    expect(failure.message).toContain('description');
  });

  it('lets a draft lose its description', async () => {
    const host = await signedIn(deps, 'host');
    const { propertyId } = await createProperty(deps.db, host.userId, { status: 'draft', listed_at: null });
    const updated = await host.caller.properties.update({ propertyId, description: '' });
    expect(updated.description).toBe('');
  });

  it('refuses any change to an archived listing with CONFLICT PROPERTY_ARCHIVED', async () => {
    const { host, propertyId } = await hostWithListing(deps, { status: 'archived' });
    const failure = await failureOf(() => host.caller.properties.update({ propertyId, name: 'Back again' }));
    expect(failure).toMatchObject({ code: 'CONFLICT', reason: 'PROPERTY_ARCHIVED' });
  });

  it('returns the current listing for an empty patch', async () => {
    const { host, propertyId } = await hostWithListing(deps);
    const view = await host.caller.properties.update({ propertyId });
    expect(view.propertyId).toBe(propertyId);
  });
});

describe('properties.amenities', () => {
  it('lists the whole catalog to anyone, grouped by category', async () => {
    const page = await callerFor(deps).properties.amenities();
    expect(page.nextCursor).toBeNull();
    const catalog = page.items;
    expect(catalog).toHaveLength(21);
    expect(catalog).toContainEqual({ code: 'wifi', name: 'Wifi', category: 'essentials' });
    const categories = catalog.map((a) => a.category);
    expect(categories).toEqual([...categories].sort());
    // Served again from the cache, the same.
    expect(await callerFor(deps).properties.amenities()).toEqual({ items: catalog, nextCursor: null });
  });
});
