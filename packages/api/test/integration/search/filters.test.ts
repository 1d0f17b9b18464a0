import { describe, expect, it } from 'vitest';
import { ManualClock } from '../../../src/infra/clock.ts';
import { createBooking, createUser, failureOf, useTestDeps } from '../../../src/testing/index.ts';
import {
  addAmenities,
  addBlock,
  ids,
  listingIn,
  type SearchInput,
  searchWith,
  uniqueTown,
} from './helpers.ts';

// Today is 2030-01-10 (UTC); the stay searched below is the week of 2030-02-10.
const deps = await useTestDeps({ clock: new ManualClock('2030-01-10T12:00:00Z') });
const search = searchWith(deps);
const host = await createUser(deps.db, { role: 'host' });
const guest = await createUser(deps.db);
const STAY = { startDate: '2030-02-10', endDate: '2030-02-17' };

const sorted = (values: string[]) => [...values].sort();

describe('properties.search filters', () => {
  it('finds listings by a case-insensitive substring of the name or the city', async () => {
    const town = uniqueTown();
    const word = town.split(' ')[1] ?? '';
    const byCity = await listingIn(deps.db, host.userId, town, { name: 'Plain flat' });
    const byName = await listingIn(deps.db, host.userId, 'Elsewhere', { name: `Loft near ${town} station` });
    await listingIn(deps.db, host.userId, 'Elsewhere', { name: 'Nothing to see' });

    const page = await search({ text: word.toUpperCase() });
    expect(sorted(ids(page))).toEqual(sorted([byCity, byName]));
  });

  it('matches % and _ in the text as themselves, not as wildcards', async () => {
    const town = uniqueTown();
    const percent = await listingIn(deps.db, host.userId, town, { name: `${town} 100% cotton_sheets` });
    await listingIn(deps.db, host.userId, 'Elsewhere', { name: `${town} 1000 cottonXsheets` });

    expect(ids(await search({ text: `${town} 100%` }))).toEqual([percent]);
    expect(ids(await search({ text: 'cotton_sheets' }))).toEqual([percent]);
  });

  it('treats blank text as no text filter', async () => {
    const town = uniqueTown();
    await listingIn(deps.db, host.userId, town);
    const page = await search({ text: '   ', limit: 1 });
    expect(page.items).toHaveLength(1);
  });

  it('keeps only listings in the given country, whatever case the code is sent in', async () => {
    const town = uniqueTown();
    const inJapan = await listingIn(deps.db, host.userId, town, { country: 'JP' });
    await listingIn(deps.db, host.userId, town, { country: 'PT' });

    expect(ids(await search({ text: town, country: 'jp' }))).toEqual([inJapan]);
  });

  it('keeps places inside a bounding box, and reads minLng > maxLng as crossing the antimeridian', async () => {
    const town = uniqueTown();
    const inside = await listingIn(deps.db, host.userId, town, { lat: 10.2, lng: 20.2 });
    await listingIn(deps.db, host.userId, town, { lat: 10.2, lng: 21.2 });
    await listingIn(deps.db, host.userId, town, { lat: 11.2, lng: 20.2 });
    const east = await listingIn(deps.db, host.userId, town, { lat: -16.5, lng: 179.6 });
    const west = await listingIn(deps.db, host.userId, town, { lat: -16.5, lng: -179.6 });
    await listingIn(deps.db, host.userId, town, { lat: -16.5, lng: 178.5 });

    const box = await search({ text: town, bbox: { minLat: 10, minLng: 20, maxLat: 10.5, maxLng: 20.5 } });
    expect(ids(box)).toEqual([inside]);

    const acrossDateLine = await search({
      text: town,
      bbox: { minLat: -17, minLng: 179, maxLat: -16, maxLng: -179 },
    });
    expect(sorted(ids(acrossDateLine))).toEqual(sorted([east, west]));
  });

  it('keeps places within the radius of `near` and tells how far each is', async () => {
    const town = uniqueTown();
    // Along the equator one degree of longitude is 111.2 km.
    const close = await listingIn(deps.db, host.userId, town, { lat: 0, lng: 30.1 });
    const farther = await listingIn(deps.db, host.userId, town, { lat: 0, lng: 30.5 });
    await listingIn(deps.db, host.userId, town, { lat: 0, lng: 31 });

    const page = await search({ text: town, near: { lat: 0, lng: 30, radiusKm: 60 }, sort: 'distance' });
    expect(ids(page)).toEqual([close, farther]);
    expect(page.items.map((item) => item.distanceKm)).toEqual([11.1, 55.6]);

    const withoutNear = await search({ text: town, limit: 1 });
    expect(withoutNear.items[0]?.distanceKm).toBeNull();
  });

  it('excludes a place that holds any night of the stay, by booking or by block', async () => {
    const town = uniqueTown();
    const free = await listingIn(deps.db, host.userId, town);
    const overlapsCheckIn = await listingIn(deps.db, host.userId, town);
    const inside = await listingIn(deps.db, host.userId, town);
    const overlapsLastNight = await listingIn(deps.db, host.userId, town);
    const covers = await listingIn(deps.db, host.userId, town);
    await createBooking(deps.db, {
      propertyId: overlapsCheckIn,
      guestId: guest.userId,
      startDate: '2030-02-08',
      endDate: '2030-02-11',
    });
    await addBlock(deps.db, inside, '2030-02-12', '2030-02-13');
    await createBooking(deps.db, {
      propertyId: overlapsLastNight,
      guestId: guest.userId,
      startDate: '2030-02-16',
      endDate: '2030-02-20',
      status: 'requested',
    });
    await addBlock(deps.db, covers, '2030-02-01', '2030-03-01');

    expect(ids(await search({ text: town, ...STAY }))).toEqual([free]);
  });

  it('keeps a place whose holds end on the check-in day or start on the check-out day', async () => {
    const town = uniqueTown();
    const backToBack = await listingIn(deps.db, host.userId, town);
    await createBooking(deps.db, {
      propertyId: backToBack,
      guestId: guest.userId,
      startDate: '2030-02-05',
      endDate: STAY.startDate,
    });
    await addBlock(deps.db, backToBack, STAY.endDate, '2030-02-20');
    // A canceled booking holds nothing (the factory writes no occupancy row for it).
    await createBooking(deps.db, {
      propertyId: backToBack,
      guestId: guest.userId,
      startDate: '2030-02-11',
      endDate: '2030-02-12',
      status: 'canceled',
    });

    expect(ids(await search({ text: town, ...STAY }))).toEqual([backToBack]);
  });

  it('leaves out places whose minimum or maximum stay does not allow the nights searched', async () => {
    const town = uniqueTown();
    const fits = await listingIn(deps.db, host.userId, town, { min_nights: 7, max_nights: 7 });
    await listingIn(deps.db, host.userId, town, { min_nights: 8 });
    await listingIn(deps.db, host.userId, town, { min_nights: 1, max_nights: 6 });

    expect(ids(await search({ text: town, ...STAY }))).toEqual([fits]);
  });

  it('keeps places that sleep at least the number of guests', async () => {
    const town = uniqueTown();
    const three = await listingIn(deps.db, host.userId, town, { max_guests: 3 });
    const six = await listingIn(deps.db, host.userId, town, { max_guests: 6 });
    await listingIn(deps.db, host.userId, town, { max_guests: 2 });

    expect(sorted(ids(await search({ text: town, guests: 3 })))).toEqual(sorted([three, six]));
  });

  it('bounds the nightly price inclusively, optionally within one currency', async () => {
    const town = uniqueTown();
    const low = await listingIn(deps.db, host.userId, town, { price_per_night_cents: 5_000 });
    const high = await listingIn(deps.db, host.userId, town, { price_per_night_cents: 9_000 });
    await listingIn(deps.db, host.userId, town, { price_per_night_cents: 4_999 });
    await listingIn(deps.db, host.userId, town, { price_per_night_cents: 9_001 });
    const yen = await listingIn(deps.db, host.userId, town, {
      price_per_night_cents: 7_000,
      currency: 'JPY',
    });

    const ranged = await search({ text: town, minPriceCents: 5_000, maxPriceCents: 9_000 });
    expect(sorted(ids(ranged))).toEqual(sorted([low, high, yen]));
    const inEuros = await search({ text: town, minPriceCents: 5_000, maxPriceCents: 9_000, currency: 'eur' });
    expect(sorted(ids(inEuros))).toEqual(sorted([low, high]));
  });

  it('keeps places that have every amenity asked for', async () => {
    const town = uniqueTown();
    const both = await listingIn(deps.db, host.userId, town);
    const wifiOnly = await listingIn(deps.db, host.userId, town);
    const everything = await listingIn(deps.db, host.userId, town);
    await listingIn(deps.db, host.userId, town);
    await addAmenities(deps.db, both, ['wifi', 'pool']);
    await addAmenities(deps.db, wifiOnly, ['wifi']);
    await addAmenities(deps.db, everything, ['wifi', 'pool', 'kitchen', 'gym']);

    const page = await search({ text: town, amenities: ['pool', 'wifi', 'pool'] });
    expect(sorted(ids(page))).toEqual(sorted([both, everything]));
    expect(sorted(ids(await search({ text: town, amenities: ['wifi'] })))).toEqual(
      sorted([both, wifiOnly, everything]),
    );
  });

  it('filters by property type, instant booking and minimum rating', async () => {
    const town = uniqueTown();
    const cabin = await listingIn(deps.db, host.userId, town, {
      property_type: 'cabin',
      instant_book: true,
      rating_avg: 4.5,
    });
    const house = await listingIn(deps.db, host.userId, town, {
      property_type: 'house',
      instant_book: false,
      rating_avg: 4.49,
    });
    const unrated = await listingIn(deps.db, host.userId, town, {
      property_type: 'cabin',
      instant_book: false,
    });

    expect(sorted(ids(await search({ text: town, propertyType: 'cabin' })))).toEqual(
      sorted([cabin, unrated]),
    );
    expect(ids(await search({ text: town, instantBook: true }))).toEqual([cabin]);
    expect(sorted(ids(await search({ text: town, instantBook: false })))).toEqual(sorted([house, unrated]));
    expect(ids(await search({ text: town, minRating: 4.5 }))).toEqual([cabin]);
  });

  it('never returns a listing that is not listed', async () => {
    const town = uniqueTown();
    const listed = await listingIn(deps.db, host.userId, town);
    for (const status of ['draft', 'unlisted', 'archived', 'suspended'] as const) {
      await listingIn(deps.db, host.userId, town, { status });
    }

    expect(ids(await search({ text: town }))).toEqual([listed]);
    expect(ids(await search({ text: town, sort: 'price_asc' }))).toEqual([listed]);
    expect(ids(await search({ text: town, sort: 'rating', ...STAY }))).toEqual([listed]);
  });
});

describe('properties.search privacy (SPEC §4)', () => {
  it('shows a position rounded to 2 decimals and never the address, description or host', async () => {
    const town = uniqueTown();
    const propertyId = await listingIn(deps.db, host.userId, town, {
      lat: 38.712_345,
      lng: -9.139_876,
      address: 'Rua Secreta 7, 3º esq.',
    });
    await deps.db
      .insertInto('property_photos')
      .values([
        { property_id: propertyId, url: 'https://img.test/second.jpg', position: 1 },
        { property_id: propertyId, url: 'https://img.test/cover.jpg', position: 0 },
      ])
      .execute();

    const [item] = (await search({ text: town })).items;
    expect(item).toEqual({
      propertyId,
      name: expect.any(String),
      city: town,
      region: null,
      country: 'PT',
      propertyType: 'apartment',
      pricePerNightCents: 10_000,
      cleaningFeeCents: 2_500,
      currency: 'EUR',
      maxGuests: 4,
      bedrooms: 2,
      beds: 2,
      bathrooms: 1,
      instantBook: false,
      ratingAvg: null,
      reviewCount: 0,
      coverPhotoUrl: 'https://img.test/cover.jpg',
      lat: 38.71,
      lng: -9.14,
      distanceKm: null,
    });
    expect(JSON.stringify(item)).not.toMatch(/Secreta|38\.712|9\.139|quiet place/);
  });

  it('matches location filters against the rounded position, so their edges cannot pinpoint a place', async () => {
    const town = uniqueTown();
    // Exactly at 45.004 N, shown (and searched) as 45.00 N.
    const propertyId = await listingIn(deps.db, host.userId, town, { lat: 45.004, lng: 7.5 });
    const box = (minLat: number, maxLat: number) => ({ minLat, maxLat, minLng: 7, maxLng: 8 });

    expect(ids(await search({ text: town, bbox: box(45.003, 46) }))).toEqual([]);
    expect(ids(await search({ text: town, bbox: box(44, 45.001) }))).toEqual([propertyId]);
    const near = await search({ text: town, near: { lat: 45, lng: 7.5, radiusKm: 0.01 } });
    expect(near.items.map((item) => [item.propertyId, item.distanceKm])).toEqual([[propertyId, 0]]);
  });
});

describe('properties.search input rules', () => {
  const cases: [string, SearchInput, string][] = [
    ['a limit over 50', { limit: 51 }, 'limit'],
    ['a limit under 1', { limit: 0 }, 'limit'],
    [
      'bbox and near together',
      { bbox: { minLat: 0, minLng: 0, maxLat: 1, maxLng: 1 }, near: { lat: 0, lng: 0, radiusKm: 5 } },
      'near',
    ],
    [
      'a bbox whose south edge is north of its north edge',
      { bbox: { minLat: 2, minLng: 0, maxLat: 1, maxLng: 1 } },
      'bbox.minLat',
    ],
    ['a radius over 500 km', { near: { lat: 0, lng: 0, radiusKm: 501 } }, 'near.radiusKm'],
    ['a radius under a metre', { near: { lat: 0, lng: 0, radiusKm: 5e-133 } }, 'near.radiusKm'],
    ['sort by distance without near', { sort: 'distance' }, 'sort'],
    ['a start date without an end date', { startDate: '2030-02-10' }, 'endDate'],
    ['an end date without a start date', { endDate: '2030-02-10' }, 'startDate'],
    ['an end date on the start date', { startDate: '2030-02-10', endDate: '2030-02-10' }, 'endDate'],
    ['an end date before the start date', { startDate: '2030-02-10', endDate: '2030-02-09' }, 'endDate'],
    ['a date that is not on the calendar', { startDate: '2030-02-30', endDate: '2030-03-02' }, 'startDate'],
    ['a stay over 365 nights', { startDate: '2030-02-10', endDate: '2031-02-11' }, 'endDate'],
    ['a stay that started in the past', { startDate: '2030-01-08', endDate: '2030-01-12' }, 'startDate'],
    ['a minimum price above the maximum', { minPriceCents: 2, maxPriceCents: 1 }, 'minPriceCents'],
    ['an amenity that is not in the catalog', { amenities: ['wifi', 'helipad'] }, 'amenities'],
    ['a cursor no page returned', { cursor: 'bm90LWEtY3Vyc29y' }, 'cursor'],
  ];

  it.each(cases)('refuses %s with BAD_REQUEST', async (_, input, path) => {
    const failure = await failureOf(() => search(input));
    expect(failure.code).toBe('BAD_REQUEST');
    expect(failure.fieldErrors?.map((field) => field.path)).toContain(path);
  });

  it('refuses the cursor of one sort on another', async () => {
    const town = uniqueTown();
    await listingIn(deps.db, host.userId, town);
    await listingIn(deps.db, host.userId, town);
    const first = await search({ text: town, sort: 'price_asc', limit: 1 });
    expect(first.nextCursor).not.toBeNull();

    const failure = await failureOf(() => search({ text: town, sort: 'newest', cursor: first.nextCursor }));
    expect(failure).toMatchObject({ code: 'BAD_REQUEST', reason: 'INVALID_CURSOR' });
  });

  it('names STAY_TOO_LONG and START_IN_PAST as the reasons', async () => {
    expect(await failureOf(() => search({ startDate: '2030-02-10', endDate: '2031-02-11' }))).toMatchObject({
      reason: 'STAY_TOO_LONG',
    });
    expect(await failureOf(() => search({ startDate: '2030-01-01', endDate: '2030-01-12' }))).toMatchObject({
      reason: 'START_IN_PAST',
    });
  });

  it('answers a search without input with the newest listings, 20 at most', async () => {
    const page = await search(undefined);
    expect(page.items.length).toBeGreaterThan(0);
    expect(page.items.length).toBeLessThanOrEqual(20);
  });
});
