import { inTransaction } from '@stayhub/db';
import { describe, expect, it } from 'vitest';
import { propertyViewKey } from '../../../src/domain/properties/listing-cache.ts';
import { suspendProperty } from '../../../src/domain/properties/property-suspension.service.ts';
import { callerFor, signedIn, useTestDeps } from '../../../src/testing/index.ts';
import { hostWithListing } from './helpers.ts';

const deps = await useTestDeps();
const anonymous = callerFor(deps);

describe('a service composed into a caller’s transaction', () => {
  it('retires the cached listing when the outermost transaction commits, not when the inner status change returns', async () => {
    const { host, propertyId } = await hostWithListing(deps);
    const admin = await signedIn(deps, 'admin');
    expect((await anonymous.properties.get({ propertyId })).status).toBe('listed');
    const keyBefore = await propertyViewKey(deps, propertyId);

    await inTransaction(deps.db, async (trx) => {
      // suspension → setPropertyStatus, both inside this transaction.
      const view = await suspendProperty({ ...deps, db: trx }, admin, {
        propertyId,
        reason: 'Misleading photos',
      });
      expect(view.status).toBe('suspended');
      // Nothing is retired yet: the change is not visible to anyone else.
      expect(await propertyViewKey(deps, propertyId)).toBe(keyBefore);
      // A reader on another connection meanwhile sees the committed row (still listed) and caches it.
      // Had the inner service bumped the generation already, this stale view would outlive the commit.
      expect((await anonymous.properties.get({ propertyId })).status).toBe('listed');
      expect(await deps.cache.get(keyBefore)).toMatchObject({ propertyId, status: 'listed' });
    });

    expect(await propertyViewKey(deps, propertyId)).not.toBe(keyBefore);
    await expect(anonymous.properties.get({ propertyId })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect((await host.caller.properties.get({ propertyId })).status).toBe('suspended');
  });

  it('retires nothing when the caller’s transaction rolls back', async () => {
    const { propertyId } = await hostWithListing(deps);
    const admin = await signedIn(deps, 'admin');
    expect((await anonymous.properties.get({ propertyId })).status).toBe('listed');
    const keyBefore = await propertyViewKey(deps, propertyId);

    await expect(
      inTransaction(deps.db, async (trx) => {
        await suspendProperty({ ...deps, db: trx }, admin, { propertyId, reason: 'Misleading photos' });
        throw new Error('the caller fails after the suspension');
      }),
    ).rejects.toThrow('the caller fails after the suspension');

    expect(await propertyViewKey(deps, propertyId)).toBe(keyBefore);
    expect((await anonymous.properties.get({ propertyId })).status).toBe('listed');
  });
});
