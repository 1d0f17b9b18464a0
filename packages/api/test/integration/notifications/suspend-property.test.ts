import { describe, expect, it } from 'vitest';
import { ManualClock } from '../../../src/infra/clock.ts';
import { callerFor, failureOf, signedIn, useTestDeps } from '../../../src/testing/index.ts';
import { hostWithListing, notificationsOf } from '../reviews/helpers.ts';

const clock = new ManualClock('2031-04-01T09:00:00Z');
const deps = await useTestDeps({ clock });

describe('admin.suspendProperty', () => {
  it('suspends a listing through the status service, hides it from the public at once and tells the host why', async () => {
    const { host, propertyId } = await hostWithListing(deps, { name: 'Fake castle' });
    const admin = await signedIn(deps, 'admin');
    const anonymous = callerFor(deps);
    expect((await anonymous.properties.get({ propertyId })).status).toBe('listed');

    const view = await admin.caller.admin.suspendProperty({ propertyId, reason: ' Misleading photos ' });

    expect(view).toMatchObject({ propertyId, status: 'suspended' });
    expect((await failureOf(() => anonymous.properties.get({ propertyId }))).code).toBe('NOT_FOUND');
    expect((await host.caller.properties.get({ propertyId })).status).toBe('suspended');
    const notifications = await notificationsOf(deps, host.userId, 'property_suspended');
    expect(notifications.map((n) => n.payload)).toEqual([
      { propertyId, propertyName: 'Fake castle', reason: 'Misleading photos' },
    ]);
  });

  it('refuses a suspension without a reason (SPEC §10: every admin action takes one) and notifies nobody', async () => {
    const { host, propertyId } = await hostWithListing(deps);
    const admin = await signedIn(deps, 'admin');
    // @ts-expect-error the SDK's types require the reason too
    const failure = await failureOf(() => admin.caller.admin.suspendProperty({ propertyId }));
    expect(failure).toMatchObject({ code: 'BAD_REQUEST', fieldPaths: ['reason'] });
    expect(await notificationsOf(deps, host.userId, 'property_suspended')).toEqual([]);
  });

  it('refuses to suspend a suspended listing again (INVALID_TRANSITION) and notifies nobody twice', async () => {
    const { host, propertyId } = await hostWithListing(deps);
    const admin = await signedIn(deps, 'admin');
    await admin.caller.admin.suspendProperty({ propertyId, reason: 'Misleading photos' });
    const failure = await failureOf(() =>
      admin.caller.admin.suspendProperty({ propertyId, reason: 'Misleading photos' }),
    );
    expect(failure).toMatchObject({ code: 'CONFLICT', reason: 'INVALID_TRANSITION' });
    expect(await notificationsOf(deps, host.userId, 'property_suspended')).toHaveLength(1);
  });

  it('answers NOT_FOUND for a listing that does not exist', async () => {
    const admin = await signedIn(deps, 'admin');
    const failure = await failureOf(() =>
      admin.caller.admin.suspendProperty({
        propertyId: '00000000-0000-4000-8000-000000000000',
        reason: 'Misleading photos',
      }),
    );
    expect(failure.code).toBe('NOT_FOUND');
  });

  it('is for admins only: the host and guests are FORBIDDEN, anonymous callers UNAUTHORIZED', async () => {
    const { host, propertyId } = await hostWithListing(deps);
    for (const caller of [host.caller, (await signedIn(deps, 'guest')).caller]) {
      expect(
        (await failureOf(() => caller.admin.suspendProperty({ propertyId, reason: 'Misleading photos' })))
          .code,
      ).toBe('FORBIDDEN');
    }
    expect(
      (
        await failureOf(() =>
          callerFor(deps).admin.suspendProperty({ propertyId, reason: 'Misleading photos' }),
        )
      ).code,
    ).toBe('UNAUTHORIZED');
    expect((await host.caller.properties.get({ propertyId })).status).toBe('listed');
  });
});
