import { beforeAll, describe, expect, it } from 'vitest';
import { invalidateListing } from '../../../src/domain/properties/listing-cache.ts';
import type { SearchSort } from '../../../src/domain/search/search.types.ts';
import { createUser, useTestDeps } from '../../../src/testing/index.ts';
import { addBlock, byId, ids, listingIn, searchWith, uniqueTown } from './helpers.ts';

const deps = await useTestDeps();
const search = searchWith(deps);
const host = await createUser(deps.db, { role: 'host' });

interface Made {
  propertyId: string;
  createdAt: Date;
  price: number;
  rating: number | null;
}

/** Listings with deliberate ties: created_at, price and rating repeat, and some are unrated. */
async function makeListings(town: string, count: number, offset = 0): Promise<Made[]> {
  const made: Made[] = [];
  for (let i = offset; i < offset + count; i++) {
    const createdAt = new Date(Date.UTC(2029, 0, 1 + (i % 5), 12, 0, 0, 0));
    const price = 5_000 + (i % 4) * 1_000;
    const rating = i % 3 === 0 ? null : 3 + (i % 4) * 0.5;
    const propertyId = await listingIn(deps.db, host.userId, town, {
      created_at: createdAt,
      price_per_night_cents: price,
      rating_avg: rating,
      review_count: rating === null ? 0 : 3,
    });
    made.push({ propertyId, createdAt, price, rating });
  }
  return made;
}

const expectedOrder: Record<Exclude<SearchSort, 'distance'>, (a: Made, b: Made) => number> = {
  newest: (a, b) => b.createdAt.getTime() - a.createdAt.getTime() || byId(a.propertyId, b.propertyId),
  price_asc: (a, b) => a.price - b.price || byId(a.propertyId, b.propertyId),
  price_desc: (a, b) => b.price - a.price || byId(b.propertyId, a.propertyId),
  rating: (a, b) => (b.rating ?? 0) - (a.rating ?? 0) || byId(a.propertyId, b.propertyId),
};

describe('properties.search order', () => {
  const town = uniqueTown();
  let made: Made[] = [];
  beforeAll(async () => {
    made = await makeListings(town, 12);
  });

  const sorts: (keyof typeof expectedOrder)[] = ['newest', 'price_asc', 'price_desc', 'rating'];
  it.each(sorts)(
    'orders by %s, ties broken by property id (unrated places last for rating)',
    async (sort) => {
      const page = await search({ text: town, sort, limit: 50 });
      expect(ids(page)).toEqual([...made].sort(expectedOrder[sort]).map((m) => m.propertyId));
      expect(page.nextCursor).toBeNull();
    },
  );

  it('orders by distance from `near`, nearest first', async () => {
    const here = uniqueTown();
    const at = async (lng: number) => listingIn(deps.db, host.userId, here, { lat: 0, lng });
    const far = await at(-40.4);
    const near = await at(-40.05);
    const twinA = await at(-40.2);
    const twinB = await at(-40.2);
    const page = await search({ text: here, near: { lat: 0, lng: -40, radiusKm: 100 }, sort: 'distance' });

    expect(ids(page)).toEqual([near, ...[twinA, twinB].sort(byId), far]);
    const distances = page.items.map((item) => item.distanceKm ?? -1);
    expect(distances).toEqual([...distances].sort((a, b) => a - b));
  });
});

describe('properties.search pages', () => {
  it('returns limit items and a cursor while more remain, and no cursor on the last page', async () => {
    const town = uniqueTown();
    await makeListings(town, 5);
    const first = await search({ text: town, limit: 3 });
    expect(first.items).toHaveLength(3);
    expect(first.nextCursor).toEqual(expect.any(String));
    const last = await search({ text: town, limit: 3, cursor: first.nextCursor });
    expect(last.items).toHaveLength(2);
    expect(last.nextCursor).toBeNull();
  });

  it.each(['newest', 'price_asc', 'price_desc', 'rating', 'distance'] as const)(
    'pages through sort=%s returning every listing exactly once while new ones are inserted',
    async (sort) => {
      const town = uniqueTown();
      const near = sort === 'distance' ? { lat: 0, lng: 60, radiusKm: 400 } : undefined;
      const position = (i: number) => ({ lat: ((i * 7) % 11) * 0.2, lng: 60 + ((i * 5) % 13) * 0.1 });
      const originals: string[] = [];
      for (const [i, listing] of (await makeListings(town, 13)).entries()) {
        await deps.db
          .updateTable('properties')
          .set(position(i))
          .where('property_id', '=', listing.propertyId)
          .execute();
        originals.push(listing.propertyId);
      }

      const seen: string[] = [];
      let cursor: string | null = null;
      let inserted = 100;
      for (let pages = 0; pages < 20; pages++) {
        const page = await search({ text: town, sort, near, limit: 4, cursor });
        seen.push(...ids(page));
        cursor = page.nextCursor;
        if (!cursor) break;
        // Writers insert between page fetches (keys before and after the cursor) and bump the generation.
        for (const listing of await makeListings(town, 2, inserted)) {
          await deps.db
            .updateTable('properties')
            .set(position(inserted))
            .where('property_id', '=', listing.propertyId)
            .execute();
          await invalidateListing(deps.db, deps, listing.propertyId);
          inserted += 1;
        }
      }

      expect(cursor).toBeNull();
      expect(new Set(seen).size).toBe(seen.length);
      expect(originals.filter((id) => !seen.includes(id))).toEqual([]);
    },
  );

  it('pages through a map search with dates in order, each free listing once and no booked one', async () => {
    const town = uniqueTown();
    const made = await makeListings(town, 14);
    const booked = new Set<string>();
    for (const [i, listing] of made.entries()) {
      await deps.db
        .updateTable('properties')
        .set({ lat: -30 + i * 0.01, lng: 100 })
        .where('property_id', '=', listing.propertyId)
        .execute();
      if (i % 3 === 0) {
        await addBlock(deps.db, listing.propertyId, '2031-05-03', '2031-05-04');
        booked.add(listing.propertyId);
      }
    }
    const input = {
      text: town,
      bbox: { minLat: -31, minLng: 99, maxLat: -29, maxLng: 101 },
      startDate: '2031-05-01',
      endDate: '2031-05-05',
      sort: 'price_desc' as const,
      limit: 3,
    };

    const seen: string[] = [];
    let cursor: string | null = null;
    for (let pages = 0; pages < 10; pages++) {
      const page = await search({ ...input, cursor });
      seen.push(...ids(page));
      cursor = page.nextCursor;
      if (!cursor) break;
    }
    const free = made.filter((m) => !booked.has(m.propertyId));
    expect(seen).toEqual([...free].sort(expectedOrder.price_desc).map((m) => m.propertyId));
  });
});
