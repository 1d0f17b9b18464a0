import { inTransaction } from '@stayhub/db';
import type { Viewer } from '../auth/viewer.ts';
import { orDatesUnavailable } from '../db-errors.ts';
import type { Deps } from '../deps.ts';
import { NotFoundError, ValidationError } from '../errors.ts';
import { invalidateAvailability } from '../properties/listing-cache.ts';
import { canManage, canView } from '../properties/property.rules.ts';
import { assertNotArchived, lockManagedProperty } from '../properties/property-access.ts';
import { getBaseView } from '../properties/property-read.ts';
import { todayIn } from '../shared/dates.ts';
import { deleteBlocks, findHoldsBetween, insertBlocks, lockBlocksBetween } from './calendar.queries.ts';
import { calendarDays, unblockPlan } from './calendar.rules.ts';
import type { CalendarInput, CalendarView, DateRangeInput } from './calendar.types.ts';

/** The listing's current nightly price applies to every day (there is no per-day pricing). */
async function calendarOf(
  deps: Pick<Deps, 'db'>,
  property: { propertyId: string; pricePerNightCents: number; currency: string },
  from: string,
  to: string,
): Promise<CalendarView> {
  const holds = await findHoldsBetween(deps.db, property.propertyId, from, to);
  return {
    propertyId: property.propertyId,
    currency: property.currency,
    days: calendarDays(from, to, holds, property.pricePerNightCents),
  };
}

/**
 * Each night in [from, to) as available, booked or blocked, from the occupancy table in one range query.
 * Who may see it is who may see the listing: anyone when listed, otherwise its host and admins (NOT_FOUND).
 */
export async function getCalendar(
  deps: Deps,
  viewer: Viewer | null,
  input: CalendarInput,
): Promise<CalendarView> {
  const property = await getBaseView(deps, input.propertyId);
  if (!property || !canView(property.status, canManage(viewer, property.host.userId))) {
    throw new NotFoundError('property');
  }
  return calendarOf(deps, property, input.from, input.to);
}

/**
 * Blocks the nights [startDate, endDate) of a listing the caller manages (SPEC §3 occupancy). The block is
 * a row of the occupancy table, so overlapping any booking or block fails on the EXCLUDE constraint, under
 * any concurrency: CONFLICT DATES_UNAVAILABLE. Starts today or later in the listing's time zone.
 * Returns the calendar of the blocked range.
 */
export async function blockDates(deps: Deps, viewer: Viewer, input: DateRangeInput): Promise<CalendarView> {
  const property = await inTransaction(deps.db, async (trx) => {
    const locked = await lockManagedProperty(trx, viewer, input.propertyId);
    assertNotArchived(locked);
    if (input.startDate < todayIn(locked.timezone, deps.clock.now())) {
      throw new ValidationError(
        "a block starts today or later in the listing's time zone",
        ['startDate'],
        'START_IN_PAST',
      );
    }
    await orDatesUnavailable(
      insertBlocks(trx, input.propertyId, [
        { start_date: input.startDate, end_date: input.endDate, note: null },
      ]),
    );
    await invalidateAvailability(trx, deps);
    return locked;
  });
  return calendarOf(
    deps,
    {
      propertyId: input.propertyId,
      pricePerNightCents: property.price_per_night_cents,
      currency: property.currency,
    },
    input.startDate,
    input.endDate,
  );
}

/**
 * Frees the blocked nights in [startDate, endDate), in one transaction: blocks inside it go, blocks across
 * its edges are trimmed, a block spanning it is split in two. Booked nights are never touched. Returns the
 * calendar of the range.
 */
export async function unblockDates(deps: Deps, viewer: Viewer, input: DateRangeInput): Promise<CalendarView> {
  const property = await inTransaction(deps.db, async (trx) => {
    const locked = await lockManagedProperty(trx, viewer, input.propertyId);
    assertNotArchived(locked);
    const blocks = await lockBlocksBetween(trx, input.propertyId, input.startDate, input.endDate);
    const plan = unblockPlan(blocks, input);
    // Delete first: the remainders lie inside the deleted blocks, so they overlap nothing else.
    await deleteBlocks(trx, input.propertyId, plan.remove);
    await insertBlocks(trx, input.propertyId, plan.keep);
    if (plan.remove.length > 0) await invalidateAvailability(trx, deps);
    return locked;
  });
  return calendarOf(
    deps,
    {
      propertyId: input.propertyId,
      pricePerNightCents: property.price_per_night_cents,
      currency: property.currency,
    },
    input.startDate,
    input.endDate,
  );
}
