import { describe, expect, it } from 'vitest';
import {
  createProperty,
  failureOf,
  insertPhotos,
  signedIn,
  useTestDeps,
} from '../../../src/testing/index.ts';
import { hostWithListing } from './helpers.ts';

const deps = await useTestDeps();

async function draftWithPhotos(count: number) {
  const host = await signedIn(deps, 'host');
  const { propertyId } = await createProperty(deps.db, host.userId, { status: 'draft', listed_at: null });
  const photoIds = await insertPhotos(deps, propertyId, count);
  return { host, propertyId, photoIds };
}

async function positions(propertyId: string) {
  const rows = await deps.db
    .selectFrom('property_photos')
    .select(['photo_id', 'position'])
    .where('property_id', '=', propertyId)
    .orderBy('position')
    .execute();
  return rows.map((row) => [row.photo_id, row.position]);
}

describe('properties.addPhoto', () => {
  it('appends photos at the end, with their captions', async () => {
    const { host, propertyId, photoIds } = await draftWithPhotos(2);

    const added = await host.caller.properties.addPhoto({
      propertyId,
      url: 'https://cdn.example.test/terrace.jpg',
      caption: '  Terrace ',
    });

    expect(added).toEqual({
      photoId: expect.any(String),
      url: 'https://cdn.example.test/terrace.jpg',
      caption: 'Terrace',
      position: 2,
    });
    expect(await positions(propertyId)).toEqual([
      [photoIds[0], 0],
      [photoIds[1], 1],
      [added.photoId, 2],
    ]);
  });

  it('refuses a URL that is not https', async () => {
    const { host, propertyId } = await draftWithPhotos(0);
    for (const url of ['http://cdn.example.test/a.jpg', 'javascript:alert(1)', 'not a url']) {
      const failure = await failureOf(() => host.caller.properties.addPhoto({ propertyId, url }));
      expect(failure).toMatchObject({ code: 'BAD_REQUEST', fieldPaths: ['url'] });
    }
  });

  it('refuses the 21st photo with UNPROCESSABLE_CONTENT TOO_MANY_PHOTOS', async () => {
    const { host, propertyId } = await draftWithPhotos(19);
    await host.caller.properties.addPhoto({ propertyId, url: 'https://cdn.example.test/20.jpg' });

    const failure = await failureOf(() =>
      host.caller.properties.addPhoto({ propertyId, url: 'https://cdn.example.test/21.jpg' }),
    );

    expect(failure).toMatchObject({ code: 'UNPROCESSABLE_CONTENT', reason: 'TOO_MANY_PHOTOS' });
    expect(await positions(propertyId)).toHaveLength(20);
  });

  it('keeps the limit under concurrent adds: 25 at once leave exactly 20 photos at positions 0..19', async () => {
    const { host, propertyId } = await draftWithPhotos(0);

    const results = await Promise.allSettled(
      Array.from({ length: 25 }, (_, i) =>
        host.caller.properties.addPhoto({ propertyId, url: `https://cdn.example.test/${i}.jpg` }),
      ),
    );

    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(20);
    for (const result of results.filter((r) => r.status === 'rejected')) {
      expect(result.reason).toMatchObject({ code: 'UNPROCESSABLE_CONTENT' });
    }
    expect((await positions(propertyId)).map(([, position]) => position)).toEqual(
      Array.from({ length: 20 }, (_, i) => i),
    );
  });

  it('answers NOT_FOUND to another host adding to my listing', async () => {
    const { propertyId } = await draftWithPhotos(0);
    const other = await signedIn(deps, 'host');
    const failure = await failureOf(() =>
      other.caller.properties.addPhoto({ propertyId, url: 'https://cdn.example.test/x.jpg' }),
    );
    expect(failure.code).toBe('NOT_FOUND');
    expect(await positions(propertyId)).toEqual([]);
  });

  it("lets an admin add to any host's listing", async () => {
    const { propertyId } = await draftWithPhotos(0);
    const admin = await signedIn(deps, 'admin');
    const added = await admin.caller.properties.addPhoto({
      propertyId,
      url: 'https://cdn.example.test/x.jpg',
    });
    expect(added.position).toBe(0);
  });
});

describe('properties.removePhoto', () => {
  it('removes a photo and closes up the positions after it', async () => {
    const { host, propertyId, photoIds } = await draftWithPhotos(4);

    const { photos } = await host.caller.properties.removePhoto({ propertyId, photoId: photoIds[1] ?? '' });

    expect(photos.map((p) => [p.photoId, p.position])).toEqual([
      [photoIds[0], 0],
      [photoIds[2], 1],
      [photoIds[3], 2],
    ]);
    expect(await positions(propertyId)).toEqual(photos.map((p) => [p.photoId, p.position]));
  });

  it('answers NOT_FOUND for a photo of another listing', async () => {
    const { host, propertyId } = await draftWithPhotos(1);
    const elsewhere = await draftWithPhotos(1);
    const failure = await failureOf(() =>
      host.caller.properties.removePhoto({ propertyId, photoId: elsewhere.photoIds[0] ?? '' }),
    );
    expect(failure.code).toBe('NOT_FOUND');
    expect(await positions(elsewhere.propertyId)).toHaveLength(1);
  });

  it('keeps the last photo of a listed place (LISTING_INCOMPLETE)', async () => {
    const { host, propertyId } = await hostWithListing(deps);
    const [only] = await deps.db
      .selectFrom('property_photos')
      .select('photo_id')
      .where('property_id', '=', propertyId)
      .execute();

    const failure = await failureOf(() =>
      host.caller.properties.removePhoto({ propertyId, photoId: only?.photo_id ?? '' }),
    );

    expect(failure).toMatchObject({ code: 'UNPROCESSABLE_CONTENT', reason: 'LISTING_INCOMPLETE' });
    expect(await positions(propertyId)).toHaveLength(1);
  });
});

describe('properties.reorderPhotos', () => {
  it('puts the photos in the order given, swaps included', async () => {
    const { host, propertyId, photoIds } = await draftWithPhotos(3);
    const [a = '', b = '', c = ''] = photoIds;

    const { photos } = await host.caller.properties.reorderPhotos({ propertyId, photoIds: [c, a, b] });

    expect(photos.map((p) => [p.photoId, p.position])).toEqual([
      [c, 0],
      [a, 1],
      [b, 2],
    ]);
    expect(await positions(propertyId)).toEqual([
      [c, 0],
      [a, 1],
      [b, 2],
    ]);
  });

  it.each([
    ['leaves a photo out', (ids: string[]) => ids.slice(0, 2)],
    ['repeats a photo', (ids: string[]) => [ids[0] ?? '', ids[0] ?? '', ids[1] ?? '']],
    [
      'names a photo of another listing',
      (ids: string[]) => [...ids.slice(0, 2), '00000000-0000-4000-8000-000000000000'],
    ],
    ['adds one too many', (ids: string[]) => [...ids, '00000000-0000-4000-8000-000000000000']],
  ])('refuses a list that %s with BAD_REQUEST and keeps the order', async (_label, change) => {
    const { host, propertyId, photoIds } = await draftWithPhotos(3);
    const before = await positions(propertyId);

    const failure = await failureOf(() =>
      host.caller.properties.reorderPhotos({ propertyId, photoIds: change(photoIds) }),
    );

    expect(failure).toMatchObject({ code: 'BAD_REQUEST', fieldPaths: ['photoIds'] });
    expect(await positions(propertyId)).toEqual(before);
  });

  it('answers NOT_FOUND to another host reordering my photos', async () => {
    const { propertyId, photoIds } = await draftWithPhotos(2);
    const other = await signedIn(deps, 'host');
    const failure = await failureOf(() =>
      other.caller.properties.reorderPhotos({ propertyId, photoIds: [...photoIds].reverse() }),
    );
    expect(failure.code).toBe('NOT_FOUND');
  });

  it('keeps positions unique when reorders race', async () => {
    const { host, propertyId, photoIds } = await draftWithPhotos(4);
    const orders = Array.from({ length: 6 }, (_, i) => [
      ...photoIds.slice(i % 4),
      ...photoIds.slice(0, i % 4),
    ]);

    await Promise.all(
      orders.map((order) => host.caller.properties.reorderPhotos({ propertyId, photoIds: order })),
    );

    const final = await positions(propertyId);
    expect(final.map(([, position]) => position)).toEqual([0, 1, 2, 3]);
    expect(final.map(([id]) => id).sort()).toEqual([...photoIds].sort());
  });
});
