import { describe, expect, it } from 'vitest';
import { createProperty, failureOf, signedIn, useTestDeps } from '../../../src/testing/index.ts';

const deps = await useTestDeps();

/** `count` listings of one host, created a minute apart (oldest first); returns their ids newest first. */
async function hostWithListings(count: number, sameInstant = false) {
  const host = await signedIn(deps, 'host');
  const ids: string[] = [];
  for (let i = 0; i < count; i++) {
    const createdAt = sameInstant ? new Date('2030-01-01T00:00:00Z') : new Date(Date.UTC(2030, 0, 1, 0, i));
    const { propertyId } = await createProperty(deps.db, host.userId, {
      created_at: createdAt,
      status: i % 2 === 0 ? 'listed' : 'draft',
    });
    ids.push(propertyId);
  }
  return { host, ids: ids.reverse() };
}

describe('properties.listMine', () => {
  it("lists the caller's own listings newest first, with exact addresses", async () => {
    const { host, ids } = await hostWithListings(3);
    await createProperty(deps.db, (await signedIn(deps, 'host')).userId);

    const page = await host.caller.properties.listMine();

    expect(page.items.map((item) => item.propertyId)).toEqual(ids);
    expect(page.items.every((item) => item.exactLocation && item.address === '1 Test Street')).toBe(true);
    expect(page.nextCursor).toBeNull();
  });

  it('pages with a cursor, without gaps or repeats', async () => {
    const { host, ids } = await hostWithListings(5);

    const first = await host.caller.properties.listMine({ limit: 2 });
    const second = await host.caller.properties.listMine({ limit: 2, cursor: first.nextCursor });
    const third = await host.caller.properties.listMine({ limit: 2, cursor: second.nextCursor });

    expect([...first.items, ...second.items, ...third.items].map((item) => item.propertyId)).toEqual(ids);
    expect(third.nextCursor).toBeNull();
  });

  it('pages listings created in the same instant in a stable order', async () => {
    const { host, ids } = await hostWithListings(4, true);
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page = await host.caller.properties.listMine({ limit: 1, cursor });
      seen.push(...page.items.map((item) => item.propertyId));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen.sort()).toEqual([...ids].sort());
  });

  it('filters by status', async () => {
    const { host } = await hostWithListings(4);
    const drafts = await host.caller.properties.listMine({ status: 'draft' });
    expect(drafts.items).toHaveLength(2);
    expect(drafts.items.every((item) => item.status === 'draft')).toBe(true);
  });

  it('refuses a cursor it did not hand out', async () => {
    const host = await signedIn(deps, 'host');
    const failure = await failureOf(() => host.caller.properties.listMine({ cursor: 'bm90LWEtY3Vyc29y' }));
    expect(failure).toMatchObject({ code: 'BAD_REQUEST', reason: 'INVALID_CURSOR', fieldPaths: ['cursor'] });
  });

  it('refuses guests', async () => {
    const guest = await signedIn(deps, 'guest');
    expect((await failureOf(() => guest.caller.properties.listMine())).code).toBe('FORBIDDEN');
  });
});
