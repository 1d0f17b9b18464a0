import { inTransaction } from '@stayhub/db';
import type { Viewer } from '../auth/viewer.ts';
import type { Deps } from '../deps.ts';
import { ForbiddenError } from '../errors.ts';
import type { SuspendPropertyInput } from '../properties/property.types.ts';
import type { PropertyView } from '../properties/property.views.ts';
import { setPropertyStatus } from '../properties/property-status.service.ts';
import { insertNotification } from './notification.queries.ts';

/**
 * admin.suspendProperty: the property status service's `suspended` move (its table decides what may be
 * suspended: not an archived listing, not a suspended one twice), and the host's notification with the
 * reason, in one transaction.
 */
export async function suspendProperty(
  deps: Deps,
  viewer: Viewer,
  input: SuspendPropertyInput,
): Promise<PropertyView> {
  if (viewer.role !== 'admin') throw new ForbiddenError();
  const now = deps.clock.now();
  const view = await inTransaction(deps.db, async (trx) => {
    const suspended = await setPropertyStatus({ ...deps, db: trx }, viewer, {
      propertyId: input.propertyId,
      status: 'suspended',
    });
    await insertNotification(
      trx,
      {
        userId: suspended.host.userId,
        type: 'property_suspended',
        payload: {
          propertyId: suspended.propertyId,
          propertyName: suspended.name,
          reason: input.reason ?? null,
        },
      },
      { createdAt: now },
    );
    return suspended;
  });
  return view;
}
