import type { PropertyStatus } from '@stayhub/db';
import { describe, expect, it } from 'vitest';
import { ListingIncompleteError } from '../../../src/domain/properties/property-access.ts';
import { ManualClock } from '../../../src/infra/clock.ts';
import {
  createProperty,
  failureFrom,
  failureOf,
  insertPhotos,
  signedIn,
  trpcErrorOf,
  useTestDeps,
} from '../../../src/testing/index.ts';

const clock = new ManualClock('2031-03-01T12:00:00Z');
const deps = await useTestDeps({ clock });

/** A host's listing in `status`, complete (description, address, one photo) unless told otherwise. */
async function listing(status: PropertyStatus, options: { complete?: boolean; everListed?: boolean } = {}) {
  const host = await signedIn(deps, 'host');
  const complete = options.complete ?? true;
  const { propertyId } = await createProperty(deps.db, host.userId, {
    status,
    listed_at: options.everListed ? new Date('2030-01-01T00:00:00Z') : null,
    ...(complete ? {} : { description: '', address: ' ' }),
  });
  if (complete) await insertPhotos(deps, propertyId, 1);
  return { host, propertyId };
}

describe('properties.setStatus by the host', () => {
  it('lists a complete draft and stamps listed_at', async () => {
    const { host, propertyId } = await listing('draft');
    const view = await host.caller.properties.setStatus({ propertyId, status: 'listed' });
    expect(view).toMatchObject({ status: 'listed', listedAt: clock.now() });
  });

  it('refuses to list an incomplete draft with LISTING_INCOMPLETE naming what is missing', async () => {
    const { host, propertyId } = await listing('draft', { complete: false });

    const error = await trpcErrorOf(() => host.caller.properties.setStatus({ propertyId, status: 'listed' }));
    const failure = failureFrom(error);

    expect(failure).toMatchObject({ code: 'UNPROCESSABLE_CONTENT', reason: 'LISTING_INCOMPLETE' });
    expect(error.cause).toBeInstanceOf(ListingIncompleteError);
    expect(error.cause instanceof ListingIncompleteError && error.cause.missing).toEqual([
      'description',
      'address',
      'photos',
    ]);
    expect(failure.message).toMatch(/description.*address.*photo/);
  });

  it('refuses to list a draft that has everything but a photo', async () => {
    const { host, propertyId } = await listing('draft', { complete: false });
    await host.caller.properties.update({ propertyId, description: 'Lovely', address: '2 Rua Nova' });

    const error = await trpcErrorOf(() => host.caller.properties.setStatus({ propertyId, status: 'listed' }));

    expect(error.cause instanceof ListingIncompleteError && error.cause.missing).toEqual(['photos']);
  });

  it('unlists and relists, keeping the first listed_at', async () => {
    const { host, propertyId } = await listing('listed', { everListed: true });
    expect((await host.caller.properties.setStatus({ propertyId, status: 'unlisted' })).status).toBe(
      'unlisted',
    );
    const relisted = await host.caller.properties.setStatus({ propertyId, status: 'listed' });
    expect(relisted).toMatchObject({ status: 'listed', listedAt: new Date('2030-01-01T00:00:00Z') });
  });

  it.each(['draft', 'listed', 'unlisted'] as const)('archives a %s listing', async (from) => {
    const { host, propertyId } = await listing(from);
    expect((await host.caller.properties.setStatus({ propertyId, status: 'archived' })).status).toBe(
      'archived',
    );
  });

  it.each(['draft', 'listed', 'unlisted'] as const)(
    'keeps archived final: nothing moves it back to %s',
    async (to) => {
      const { host, propertyId } = await listing('archived');
      const admin = await signedIn(deps, 'admin');
      for (const caller of [host.caller, admin.caller]) {
        const failure = await failureOf(() => caller.properties.setStatus({ propertyId, status: to }));
        expect(failure).toMatchObject({ code: 'CONFLICT', reason: 'INVALID_TRANSITION' });
      }
    },
  );

  it.each([
    ['draft', 'unlisted'],
    ['listed', 'draft'],
    ['unlisted', 'draft'],
    ['listed', 'listed'],
  ] as const)('refuses %s → %s with CONFLICT INVALID_TRANSITION', async (from, to) => {
    const { host, propertyId } = await listing(from);
    const failure = await failureOf(() => host.caller.properties.setStatus({ propertyId, status: to }));
    expect(failure).toMatchObject({ code: 'CONFLICT', reason: 'INVALID_TRANSITION' });
  });

  it('refuses a host suspending their own listing with FORBIDDEN', async () => {
    const { host, propertyId } = await listing('listed');
    const failure = await failureOf(() =>
      host.caller.properties.setStatus({ propertyId, status: 'suspended' }),
    );
    expect(failure).toMatchObject({ code: 'FORBIDDEN', reason: 'FORBIDDEN' });
  });

  it.each(['listed', 'unlisted', 'archived'] as const)(
    'refuses the host of a suspended listing moving it to %s (FORBIDDEN PROPERTY_SUSPENDED)',
    async (to) => {
      const { host, propertyId } = await listing('suspended');
      const failure = await failureOf(() => host.caller.properties.setStatus({ propertyId, status: to }));
      expect(failure).toMatchObject({ code: 'FORBIDDEN', reason: 'PROPERTY_SUSPENDED' });
    },
  );

  it("answers NOT_FOUND to another host changing my listing's status", async () => {
    const { propertyId } = await listing('listed');
    const other = await signedIn(deps, 'host');
    const failure = await failureOf(() =>
      other.caller.properties.setStatus({ propertyId, status: 'unlisted' }),
    );
    expect(failure.code).toBe('NOT_FOUND');
    const row = await deps.db
      .selectFrom('properties')
      .select('status')
      .where('property_id', '=', propertyId)
      .executeTakeFirstOrThrow();
    expect(row.status).toBe('listed');
  });

  it('refuses a guest with FORBIDDEN', async () => {
    const { propertyId } = await listing('listed');
    const guest = await signedIn(deps, 'guest');
    const failure = await failureOf(() =>
      guest.caller.properties.setStatus({ propertyId, status: 'unlisted' }),
    );
    expect(failure.code).toBe('FORBIDDEN');
  });
});

describe('properties.setStatus by an admin', () => {
  it.each(['draft', 'listed', 'unlisted'] as const)('suspends a %s listing', async (from) => {
    const { propertyId } = await listing(from);
    const admin = await signedIn(deps, 'admin');
    expect((await admin.caller.properties.setStatus({ propertyId, status: 'suspended' })).status).toBe(
      'suspended',
    );
  });

  it('lifts a suspension to unlisted, or straight to listed when complete', async () => {
    const admin = await signedIn(deps, 'admin');
    const first = await listing('suspended');
    expect(
      (await admin.caller.properties.setStatus({ propertyId: first.propertyId, status: 'unlisted' })).status,
    ).toBe('unlisted');
    const second = await listing('suspended', { everListed: true });
    expect(
      (await admin.caller.properties.setStatus({ propertyId: second.propertyId, status: 'listed' })).status,
    ).toBe('listed');
  });

  it('still needs a complete listing to list it', async () => {
    const admin = await signedIn(deps, 'admin');
    const { propertyId } = await listing('suspended', { complete: false });
    const failure = await failureOf(() =>
      admin.caller.properties.setStatus({ propertyId, status: 'listed' }),
    );
    expect(failure.reason).toBe('LISTING_INCOMPLETE');
  });

  it('refuses a suspended listing going back to draft', async () => {
    const admin = await signedIn(deps, 'admin');
    const { propertyId } = await listing('suspended');
    const failure = await failureOf(() => admin.caller.properties.setStatus({ propertyId, status: 'draft' }));
    expect(failure).toMatchObject({ code: 'CONFLICT', reason: 'INVALID_TRANSITION' });
  });
});

describe('properties.setStatus under concurrency', () => {
  it('serialises concurrent changes of one listing: of ten archives, one wins and nine get CONFLICT', async () => {
    const { host, propertyId } = await listing('listed');

    const results = await Promise.allSettled(
      Array.from({ length: 10 }, () => host.caller.properties.setStatus({ propertyId, status: 'archived' })),
    );

    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    for (const result of results.filter((r) => r.status === 'rejected')) {
      expect(result.reason).toMatchObject({ code: 'CONFLICT', cause: { reason: 'INVALID_TRANSITION' } });
    }
  });
});
