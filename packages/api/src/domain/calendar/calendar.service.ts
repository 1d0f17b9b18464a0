import { type Executor, inTransaction } from '@stayhub/db';
import type { Viewer } from '../auth/viewer.ts';
import { orDatesUnavailable } from '../db-errors.ts';
import type { Deps } from '../deps.ts';
import { NotFoundError, ValidationError } from '../errors.ts';
import { invalidateAvailability, invalidateListing } from '../properties/listing-cache.ts';
import {
  deleteNightPrices,
  findNightPrices,
  refreshHasNightPrices,
  upsertNightPrices,
} from '../properties/night-price.queries.ts';
import type { SetPricesInput } from '../properties/night-price.types.ts';
import { canManage, canView } from '../properties/property.rules.ts';
import { assertNotArchived, lockManagedProperty } from '../properties/property-access.ts';
import { getBaseView } from '../properties/property-read.ts';
import { eachDay, todayIn } from '../shared/dates.ts';
import { deleteBlocks, findHoldsBetween, insertBlocks, lockBlocksBetween } from './calendar.queries.ts';
import { calendarDays, unblockPlan } from './calendar.rules.ts';
import type { CalendarInput, CalendarView, DateRangeInput } from './calendar.types.ts';

interface CalendarListing {
  propertyId: string;
  pricePerNightCents: number;
  weekendPricePerNightCents: number | null;
  currency: string;
}

/** Holds and per-night prices of [from, to): two range queries; each day priced by the one pricing rule. */
async function calendarOf(
  db: Executor,
  property: CalendarListing,
  from: string,
  to: string,
): Promise<CalendarView> {
  const [holds, overrides] = await Promise.all([
    findHoldsBetween(db, property.propertyId, from, to),
    findNightPrices(db, property.propertyId, from, to),
  ]);
  return {
    propertyId: property.propertyId,
    currency: property.currency,
    days: calendarDays(from, to, holds, { ...property, overrides }),
  };
}

const lockedListing = (locked: Awaited<ReturnType<typeof lockManagedProperty>>): CalendarListing => ({
  propertyId: locked.property_id,
  pricePerNightCents: locked.price_per_night_cents,
  weekendPricePerNightCents: locked.weekend_price_per_night_cents,
  currency: locked.currency,
});

/**
 * Each night in [from, to) as available, booked or blocked, at its own price (SPEC §9), from the occupancy
 * and night-price tables in one range query each. Who may see it is who may see the listing: anyone when
 * listed, otherwise its host and admins (NOT_FOUND).
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
  return calendarOf(deps.db, property, input.from, input.to);
}

function assertNotPast(timezone: string, date: string, now: Date, what: string): void {
  if (date < todayIn(timezone, now)) {
    throw new ValidationError(
      `${what} starts today or later in the listing's time zone`,
      ['startDate'],
      'START_IN_PAST',
    );
  }
}

/**
 * Blocks the nights [startDate, endDate) of a listing the caller manages (SPEC §3 occupancy). The block is
 * a row of the occupancy table, so overlapping any booking or block fails on the EXCLUDE constraint, under
 * any concurrency: CONFLICT DATES_UNAVAILABLE. Starts today or later in the listing's time zone.
 * Returns the calendar of the blocked range.
 */
export async function blockDates(deps: Deps, viewer: Viewer, input: DateRangeInput): Promise<CalendarView> {
  return inTransaction(deps.db, async (trx) => {
    const locked = await lockManagedProperty(trx, viewer, input.propertyId);
    assertNotArchived(locked);
    assertNotPast(locked.timezone, input.startDate, deps.clock.now(), 'a block');
    await orDatesUnavailable(
      insertBlocks(trx, input.propertyId, [
        { start_date: input.startDate, end_date: input.endDate, note: null },
      ]),
    );
    await invalidateAvailability(trx, deps);
    return calendarOf(trx, lockedListing(locked), input.startDate, input.endDate);
  });
}

/**
 * Frees the blocked nights in [startDate, endDate), in one transaction: blocks inside it go, blocks across
 * its edges are trimmed, a block spanning it is split in two. Booked nights are never touched. Returns the
 * calendar of the range.
 */
export async function unblockDates(deps: Deps, viewer: Viewer, input: DateRangeInput): Promise<CalendarView> {
  return inTransaction(deps.db, async (trx) => {
    const locked = await lockManagedProperty(trx, viewer, input.propertyId);
    assertNotArchived(locked);
    const blocks = await lockBlocksBetween(trx, input.propertyId, input.startDate, input.endDate);
    const plan = unblockPlan(blocks, input);
    // Delete first: the remainders lie inside the deleted blocks, so they overlap nothing else.
    await deleteBlocks(trx, input.propertyId, plan.remove);
    await insertBlocks(trx, input.propertyId, plan.keep);
    if (plan.remove.length > 0) await invalidateAvailability(trx, deps);
    return calendarOf(trx, lockedListing(locked), input.startDate, input.endDate);
  });
}

/**
 * properties.setPrices (SPEC §9): the nights [from, to) of a listing the caller manages at one price, or
 * back to the listing's own prices (null). One transaction: the rows, the listing's has_night_prices flag
 * (search probes only listings that have any), and the invalidation of the listing's view and search pages
 * after commit. Bookings already made keep their snapshot. Returns the calendar of the range.
 */
export async function setPrices(deps: Deps, viewer: Viewer, input: SetPricesInput): Promise<CalendarView> {
  return inTransaction(deps.db, async (trx) => {
    const locked = await lockManagedProperty(trx, viewer, input.propertyId);
    assertNotArchived(locked);
    if (input.pricePerNightCents !== null) {
      if (input.from < todayIn(locked.timezone, deps.clock.now())) {
        throw new ValidationError(
          "prices are set from today or later in the listing's time zone",
          ['from'],
          'START_IN_PAST',
        );
      }
      await upsertNightPrices(trx, input.propertyId, eachDay(input.from, input.to), input.pricePerNightCents);
    } else {
      await deleteNightPrices(trx, input.propertyId, input.from, input.to);
    }
    await refreshHasNightPrices(trx, input.propertyId);
    await invalidateListing(trx, deps, input.propertyId);
    return calendarOf(trx, lockedListing(locked), input.from, input.to);
  });
}
