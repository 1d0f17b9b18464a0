import { describe, expect, it } from 'vitest';
import { invalidateListing, propertyViewKey } from '../../../src/domain/properties/listing-cache.ts';
import { RedisCache } from '../../../src/infra/cache/redis-cache.ts';
import { callerFor, insertPhotos, useTestDeps } from '../../../src/testing/index.ts';
import { hostWithListing } from './helpers.ts';

/** Redis when REDIS_URL is set (the cache the server uses then), the in-process cache otherwise. */
const deps = await useTestDeps();
const anonymous = callerFor(deps);

describe('the cached listing view', () => {
  it(`is served from the cache (${deps.cache instanceof RedisCache ? 'Redis' : 'in-process'}) until a change invalidates it`, async () => {
    const { propertyId } = await hostWithListing(deps, { name: 'Before' });
    expect((await anonymous.properties.get({ propertyId })).name).toBe('Before');
    expect(await deps.cache.get(await propertyViewKey(deps, propertyId))).toMatchObject({
      propertyId,
      name: 'Before',
    });

    // Behind the services' back: the cached view stays until someone invalidates it.
    await deps.db
      .updateTable('properties')
      .set({ name: 'Behind' })
      .where('property_id', '=', propertyId)
      .execute();
    expect((await anonymous.properties.get({ propertyId })).name).toBe('Before');

    await invalidateListing(deps.db, deps, propertyId);
    expect((await anonymous.properties.get({ propertyId })).name).toBe('Behind');
  });

  it('shows an update to the very next read: get → update → get', async () => {
    const { host, propertyId } = await hostWithListing(deps, { price_per_night_cents: 10_000 });
    expect((await anonymous.properties.get({ propertyId })).pricePerNightCents).toBe(10_000);

    await host.caller.properties.update({ propertyId, pricePerNightCents: 15_000, name: 'Fresh' });

    expect(await anonymous.properties.get({ propertyId })).toMatchObject({
      pricePerNightCents: 15_000,
      name: 'Fresh',
    });
  });

  it('revives dates from the cached JSON', async () => {
    const { propertyId } = await hostWithListing(deps);
    const first = await anonymous.properties.get({ propertyId });
    const cached = await anonymous.properties.get({ propertyId });
    expect(cached.createdAt).toBeInstanceOf(Date);
    expect(cached.createdAt.getTime()).toBe(first.createdAt.getTime());
    expect(cached.listedAt?.getTime()).toBe(first.listedAt?.getTime());
  });

  it('hides a listing the moment it is unlisted', async () => {
    const { host, propertyId } = await hostWithListing(deps);
    await anonymous.properties.get({ propertyId });

    await host.caller.properties.setStatus({ propertyId, status: 'unlisted' });

    await expect(anonymous.properties.get({ propertyId })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('shows photo changes to the very next read', async () => {
    const { host, propertyId } = await hostWithListing(deps);
    const before = await anonymous.properties.get({ propertyId });

    const added = await host.caller.properties.addPhoto({
      propertyId,
      url: 'https://cdn.example.test/new.jpg',
    });
    const afterAdd = await anonymous.properties.get({ propertyId });
    expect(afterAdd.photos.map((p) => p.photoId)).toEqual([
      ...before.photos.map((p) => p.photoId),
      added.photoId,
    ]);

    await host.caller.properties.reorderPhotos({
      propertyId,
      photoIds: [...afterAdd.photos.map((p) => p.photoId)].reverse(),
    });
    expect((await anonymous.properties.get({ propertyId })).photos[0]?.photoId).toBe(added.photoId);

    await host.caller.properties.removePhoto({ propertyId, photoId: added.photoId });
    expect((await anonymous.properties.get({ propertyId })).photos.map((p) => p.photoId)).toEqual(
      before.photos.map((p) => p.photoId),
    );
  });

  it('shows amenity changes to the very next read', async () => {
    const { host, propertyId } = await hostWithListing(deps);
    await insertPhotos(deps, propertyId, 1);
    expect((await anonymous.properties.get({ propertyId })).amenities).toEqual([]);
    await host.caller.properties.update({ propertyId, amenities: ['hot_tub'] });
    expect((await anonymous.properties.get({ propertyId })).amenities.map((a) => a.code)).toEqual([
      'hot_tub',
    ]);
  });

  it('treats a cache entry it cannot read as a miss', async () => {
    const { propertyId } = await hostWithListing(deps, { name: 'From Postgres' });
    await deps.cache.set(await propertyViewKey(deps, propertyId), { propertyId, name: 'an older shape' }, 60);
    expect((await anonymous.properties.get({ propertyId })).name).toBe('From Postgres');
  });
});

describe('a read that races a write', () => {
  it('cannot put the old view back after the write is committed', async () => {
    const { host, propertyId } = await hostWithListing(deps, { name: 'Original' });
    expect((await anonymous.properties.get({ propertyId })).name).toBe('Original');
    // A slow reader looked the key up and read the row before the write…
    const slowReadersKey = await propertyViewKey(deps, propertyId);
    const slowReadersView = await deps.cache.get<unknown>(slowReadersKey);
    await callerFor(deps, { token: host.token }).properties.update({ propertyId, name: 'Renamed' });
    // …and writes its stale view back after the write committed and invalidated.
    await deps.cache.set(slowReadersKey, slowReadersView, 60);
    expect((await anonymous.properties.get({ propertyId })).name).toBe('Renamed');
  });
});
