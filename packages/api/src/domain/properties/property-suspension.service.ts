import { inTransaction } from '@stayhub/db';
import type { Viewer } from '../auth/viewer.ts';
import type { Deps } from '../deps.ts';
import { ForbiddenError } from '../errors.ts';
import { notify } from '../notifications/notify.ts';
import type { SuspendPropertyInput } from './property.types.ts';
import type { PropertyView } from './property.views.ts';
import { setPropertyStatus } from './property-status.service.ts';

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
  const view = await inTransaction(deps.db, async (trx) => {
    const suspended = await setPropertyStatus({ ...deps, db: trx }, viewer, {
      propertyId: input.propertyId,
      status: 'suspended',
    });
    await notify(trx, deps, {
      userId: suspended.host.userId,
      type: 'property_suspended',
      payload: {
        propertyId: suspended.propertyId,
        propertyName: suspended.name,
        reason: input.reason ?? null,
      },
    });
    return suspended;
  });
  return view;
}
