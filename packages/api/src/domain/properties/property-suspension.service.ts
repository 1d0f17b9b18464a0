import { inTransaction } from '@stayhub/db';
import { recordAdminAction } from '../admin/audit.service.ts';
import type { Viewer } from '../auth/viewer.ts';
import { cancelUpcomingStays } from '../bookings/booking-transition.service.ts';
import type { Deps } from '../deps.ts';
import { ForbiddenError } from '../errors.ts';
import { notify } from '../notifications/notify.ts';
import type { SuspendPropertyInput } from './property.types.ts';
import type { PropertyView } from './property.views.ts';
import { setPropertyStatus } from './property-status.service.ts';

/** What a guest's canceled stay says about why (the admin's own reason stays in the audit log). */
export const LISTING_SUSPENDED_CANCELLATION = 'The listing was suspended by StayHub';

/**
 * admin.suspendProperty: the property status service's `suspended` move (its table decides what may be
 * suspended: not an archived listing, not a suspended one twice), the host's notification with the
 * reason, and (SPEC §10) every upcoming stay canceled with a full refund and its guest told — with the
 * audit row, in one transaction. The status service retires the listing's cached views after the commit.
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
    const canceled = await cancelUpcomingStays(
      deps,
      trx,
      { propertyId: input.propertyId },
      LISTING_SUSPENDED_CANCELLATION,
    );
    await notify(trx, deps, {
      userId: suspended.host.userId,
      type: 'property_suspended',
      payload: {
        propertyId: suspended.propertyId,
        propertyName: suspended.name,
        reason: input.reason,
      },
    });
    await recordAdminAction(trx, deps, {
      actorId: viewer.userId,
      action: 'suspend_property',
      targetType: 'property',
      targetId: input.propertyId,
      reason: input.reason,
      details: { canceledBookingIds: canceled },
    });
    return suspended;
  });
  return view;
}
