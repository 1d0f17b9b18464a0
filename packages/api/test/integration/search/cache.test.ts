import type { KyselyPlugin } from 'kysely';
import { describe, expect, it } from 'vitest';
import { invalidateAvailability, invalidateListing } from '../../../src/domain/properties/listing-cache.ts';
import { ManualClock } from '../../../src/infra/clock.ts';
import { createUser, useTestDeps } from '../../../src/testing/index.ts';
import { addAmenities, addBlock, ids, listingIn, searchWith, uniqueTown } from './helpers.ts';

const deps = await useTestDeps({ clock: new ManualClock('2030-01-10T12:00:00Z') });
const search = searchWith(deps);
const host = await createUser(deps.db, { role: 'host' });
const STAY = { startDate: '2030-02-10', endDate: '2030-02-17' };

/** A change written straight to the table, announced (or not) by the test as the writer would. */
const setPrice = (propertyId: string, cents: number) =>
  deps.db
    .updateTable('properties')
    .set({ price_per_night_cents: cents })
    .where('property_id', '=', propertyId)
    .execute();

const prices = (page: { items: { pricePerNightCents: number }[] }) =>
  page.items.map((i) => i.pricePerNightCents);

describe('search page cache', () => {
  it('serves a repeated search from the cache until a listing change is announced', async () => {
    const town = uniqueTown();
    const propertyId = await listingIn(deps.db, host.userId, town, { price_per_night_cents: 10_000 });
    expect(prices(await search({ text: town }))).toEqual([10_000]);

    await setPrice(propertyId, 12_000);
    expect(prices(await search({ text: town }))).toEqual([10_000]);

    await invalidateListing(deps.db, deps, propertyId);
    expect(prices(await search({ text: town }))).toEqual([12_000]);
  });

  it('shares one entry between inputs that mean the same search', async () => {
    const town = uniqueTown();
    const propertyId = await listingIn(deps.db, host.userId, town, { price_per_night_cents: 7_000 });
    await addAmenities(deps.db, propertyId, ['wifi', 'pool']);
    await search({ text: ` ${town} `, country: 'pt', amenities: ['wifi', 'pool'] });

    await setPrice(propertyId, 8_000);
    const same = await search({ text: town, country: 'PT', amenities: ['pool', 'wifi', 'pool'], limit: 20 });
    expect(prices(same)).toEqual([7_000]);
  });

  it('drops a listing from results on the first read after it is unlisted and the change announced', async () => {
    const town = uniqueTown();
    const propertyId = await listingIn(deps.db, host.userId, town);
    expect(ids(await search({ text: town }))).toEqual([propertyId]);
    expect(ids(await search({ text: town, ...STAY }))).toEqual([propertyId]);

    await deps.db
      .updateTable('properties')
      .set({ status: 'unlisted' })
      .where('property_id', '=', propertyId)
      .execute();
    await invalidateListing(deps.db, deps, propertyId);

    expect(ids(await search({ text: town }))).toEqual([]);
    expect(ids(await search({ text: town, ...STAY }))).toEqual([]);
  });

  it('reflects a new hold, and its release, in date searches on the first read after they are announced', async () => {
    const town = uniqueTown();
    const propertyId = await listingIn(deps.db, host.userId, town);
    expect(ids(await search({ text: town, ...STAY }))).toEqual([propertyId]);

    await addBlock(deps.db, propertyId, '2030-02-12', '2030-02-14');
    await invalidateAvailability(deps.db, deps);
    expect(ids(await search({ text: town, ...STAY }))).toEqual([]);

    await deps.db.deleteFrom('occupancy').where('property_id', '=', propertyId).execute();
    await invalidateAvailability(deps.db, deps);
    expect(ids(await search({ text: town, ...STAY }))).toEqual([propertyId]);
  });

  it('keeps pages without dates cached when only availability changes', async () => {
    const town = uniqueTown();
    const propertyId = await listingIn(deps.db, host.userId, town, { price_per_night_cents: 10_000 });
    await search({ text: town });
    await search({ text: town, ...STAY });

    // Not announced as a listing change, so only a page that depends on availability is recomputed.
    await setPrice(propertyId, 11_000);
    await invalidateAvailability(deps.db, deps);

    expect(prices(await search({ text: town }))).toEqual([10_000]);
    expect(prices(await search({ text: town, ...STAY }))).toEqual([11_000]);
  });

  it('never files a page read before a commit under the generation that commit announced', async () => {
    const town = uniqueTown();
    const propertyId = await listingIn(deps.db, host.userId, town, { price_per_night_cents: 10_000 });
    // A writer commits and announces its change right after this reader's query read the old row: the
    // page the reader is about to cache is stale, and must land where no later reader looks.
    let writer: (() => Promise<void>) | undefined = async () => {
      await setPrice(propertyId, 15_000);
      await invalidateListing(deps.db, deps, propertyId);
    };
    const writerAfterRead: KyselyPlugin = {
      transformQuery: (args) => args.node,
      transformResult: async (args) => {
        const write = writer;
        writer = undefined;
        await write?.();
        return args.result;
      },
    };
    const racingSearch = searchWith({ ...deps, db: deps.db.withPlugin(writerAfterRead) });

    expect(prices(await racingSearch({ text: town }))).toEqual([10_000]);
    expect(prices(await search({ text: town }))).toEqual([15_000]);
  });
});
