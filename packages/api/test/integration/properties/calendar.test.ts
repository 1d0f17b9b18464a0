import { describe, expect, it } from 'vitest';
import { isExclusionViolation } from '../../../src/domain/db-errors.ts';
import { currentGeneration } from '../../../src/domain/properties/listing-cache.ts';
import { ManualClock } from '../../../src/infra/clock.ts';
import {
  callerFor,
  createBooking,
  createProperty,
  createUser,
  failureOf,
  signedIn,
  useTestDeps,
} from '../../../src/testing/index.ts';

// 12:00 UTC on 10 March: still the 10th in Lisbon, already the 11th on Kiritimati (UTC+14).
const clock = new ManualClock('2031-03-10T12:00:00Z');
const deps = await useTestDeps({ clock });

async function hostWithPlace(overrides: Parameters<typeof createProperty>[2] = {}) {
  const host = await signedIn(deps, 'host');
  const { propertyId } = await createProperty(deps.db, host.userId, {
    price_per_night_cents: 12_300,
    ...overrides,
  });
  return { host, propertyId };
}

async function book(
  propertyId: string,
  startDate: string,
  endDate: string,
  status: 'confirmed' | 'pending' | 'canceled' = 'confirmed',
) {
  const guest = await createUser(deps.db);
  return createBooking(deps.db, { propertyId, guestId: guest.userId, startDate, endDate, status });
}

async function blocksOf(propertyId: string) {
  const rows = await deps.db
    .selectFrom('occupancy')
    .select(['start_date', 'end_date'])
    .where('property_id', '=', propertyId)
    .where('kind', '=', 'block')
    .orderBy('start_date')
    .execute();
  return rows.map((row) => [row.start_date, row.end_date]);
}

/** The days of a calendar as 'date status' strings, for compact expectations. */
const statuses = (calendar: { days: { date: string; status: string }[] }) =>
  calendar.days.map((day) => `${day.date.slice(5)} ${day.status}`);

describe('properties.calendar', () => {
  it('agrees with bookings that hold dates and with blocks, night by night', async () => {
    const { host, propertyId } = await hostWithPlace();
    await book(propertyId, '2031-03-30', '2031-04-03');
    await book(propertyId, '2031-04-03', '2031-04-04', 'pending');
    await book(propertyId, '2031-04-04', '2031-04-06', 'canceled');
    await host.caller.properties.blockDates({ propertyId, startDate: '2031-04-06', endDate: '2031-04-08' });

    const calendar = await callerFor(deps).properties.calendar({
      propertyId,
      from: '2031-04-01',
      to: '2031-04-09',
    });

    expect(calendar).toMatchObject({ propertyId, currency: 'EUR' });
    expect(statuses(calendar)).toEqual([
      '04-01 booked',
      '04-02 booked',
      '04-03 booked',
      '04-04 available',
      '04-05 available',
      '04-06 blocked',
      '04-07 blocked',
      '04-08 available',
    ]);
    expect(calendar.days.every((day) => day.pricePerNightCents === 12_300)).toBe(true);
  });

  it('shows a listed place to anyone and any other only to its host and admins', async () => {
    const { host, propertyId } = await hostWithPlace({ status: 'unlisted' });
    const range = { propertyId, from: '2031-04-01', to: '2031-04-03' };
    const admin = await signedIn(deps, 'admin');
    expect((await host.caller.properties.calendar(range)).days).toHaveLength(2);
    expect((await admin.caller.properties.calendar(range)).days).toHaveLength(2);
    for (const caller of [callerFor(deps), (await signedIn(deps, 'host')).caller]) {
      expect((await failureOf(() => caller.properties.calendar(range))).code).toBe('NOT_FOUND');
    }
  });

  it('serves at most 366 days, and at least one', async () => {
    const { propertyId } = await hostWithPlace();
    const anonymous = callerFor(deps);
    expect(
      (await anonymous.properties.calendar({ propertyId, from: '2032-01-01', to: '2033-01-01' })).days,
    ).toHaveLength(366);
    for (const to of ['2033-01-02', '2032-01-01', '2031-12-31']) {
      const failure = await failureOf(() =>
        anonymous.properties.calendar({ propertyId, from: '2032-01-01', to }),
      );
      expect(failure).toMatchObject({ code: 'BAD_REQUEST', fieldPaths: ['to'] });
    }
    const badDate = await failureOf(() =>
      anonymous.properties.calendar({ propertyId, from: '2032-02-30', to: '2032-03-05' }),
    );
    expect(badDate).toMatchObject({ code: 'BAD_REQUEST', fieldPaths: ['from'] });
  });
});

describe('properties.blockDates', () => {
  it('blocks the nights and returns their calendar; search availability is invalidated', async () => {
    const { host, propertyId } = await hostWithPlace();
    const generation = await currentGeneration(deps, 'availability');

    const calendar = await host.caller.properties.blockDates({
      propertyId,
      startDate: '2031-03-10',
      endDate: '2031-03-12',
    });

    expect(statuses(calendar)).toEqual(['03-10 blocked', '03-11 blocked']);
    expect(await blocksOf(propertyId)).toEqual([['2031-03-10', '2031-03-12']]);
    expect(await currentGeneration(deps, 'availability')).not.toBe(generation);
  });

  it("refuses a start before today in the listing's time zone (START_IN_PAST)", async () => {
    const { host, propertyId } = await hostWithPlace({ timezone: 'Pacific/Kiritimati' });
    const failure = await failureOf(() =>
      host.caller.properties.blockDates({ propertyId, startDate: '2031-03-10', endDate: '2031-03-12' }),
    );
    expect(failure).toMatchObject({
      code: 'BAD_REQUEST',
      reason: 'START_IN_PAST',
      fieldPaths: ['startDate'],
    });
    expect(await blocksOf(propertyId)).toEqual([]);
  });

  it('refuses an empty, reversed or longer-than-365-days range', async () => {
    const { host, propertyId } = await hostWithPlace();
    for (const [startDate, endDate] of [
      ['2031-04-01', '2031-04-01'],
      ['2031-04-02', '2031-04-01'],
      ['2031-04-01', '2032-04-01'],
    ] as const) {
      const failure = await failureOf(() =>
        host.caller.properties.blockDates({ propertyId, startDate, endDate }),
      );
      expect(failure).toMatchObject({ code: 'BAD_REQUEST', fieldPaths: ['endDate'] });
    }
  });

  it('refuses a range overlapping a booking with CONFLICT DATES_UNAVAILABLE, but not one that only touches it', async () => {
    const { host, propertyId } = await hostWithPlace();
    await book(propertyId, '2031-05-10', '2031-05-15');

    const failure = await failureOf(() =>
      host.caller.properties.blockDates({ propertyId, startDate: '2031-05-14', endDate: '2031-05-20' }),
    );
    expect(failure).toMatchObject({ code: 'CONFLICT', reason: 'DATES_UNAVAILABLE' });

    await host.caller.properties.blockDates({ propertyId, startDate: '2031-05-15', endDate: '2031-05-20' });
    await host.caller.properties.blockDates({ propertyId, startDate: '2031-05-01', endDate: '2031-05-10' });
    expect(await blocksOf(propertyId)).toEqual([
      ['2031-05-01', '2031-05-10'],
      ['2031-05-15', '2031-05-20'],
    ]);
  });

  it('refuses a range overlapping another block', async () => {
    const { host, propertyId } = await hostWithPlace();
    await host.caller.properties.blockDates({ propertyId, startDate: '2031-06-01', endDate: '2031-06-10' });
    const failure = await failureOf(() =>
      host.caller.properties.blockDates({ propertyId, startDate: '2031-06-05', endDate: '2031-06-06' }),
    );
    expect(failure.reason).toBe('DATES_UNAVAILABLE');
  });

  it('lets no booking be written over a block (the EXCLUDE constraint)', async () => {
    const { host, propertyId } = await hostWithPlace();
    await host.caller.properties.blockDates({ propertyId, startDate: '2031-07-01', endDate: '2031-07-05' });

    const error = await book(propertyId, '2031-07-04', '2031-07-08').then(
      () => undefined,
      (reason: unknown) => reason,
    );

    expect(isExclusionViolation(error)).toBe(true);
  });

  it('lets exactly one of ten concurrent overlapping blocks win', async () => {
    const { host, propertyId } = await hostWithPlace();

    const results = await Promise.allSettled(
      Array.from({ length: 10 }, (_, i) =>
        host.caller.properties.blockDates({
          propertyId,
          startDate: `2031-08-${String(1 + i).padStart(2, '0')}`,
          endDate: `2031-08-${String(12 + i).padStart(2, '0')}`,
        }),
      ),
    );

    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    for (const result of results.filter((r) => r.status === 'rejected')) {
      expect(result.reason).toMatchObject({ code: 'CONFLICT', cause: { reason: 'DATES_UNAVAILABLE' } });
    }
    expect(await blocksOf(propertyId)).toHaveLength(1);
  });

  it('answers NOT_FOUND to another host, FORBIDDEN to a guest, and lets an admin block', async () => {
    const { propertyId } = await hostWithPlace();
    const range = { propertyId, startDate: '2031-09-01', endDate: '2031-09-03' };
    const other = await signedIn(deps, 'host');
    const guest = await signedIn(deps, 'guest');
    const admin = await signedIn(deps, 'admin');

    expect((await failureOf(() => other.caller.properties.blockDates(range))).code).toBe('NOT_FOUND');
    expect((await failureOf(() => guest.caller.properties.blockDates(range))).code).toBe('FORBIDDEN');
    expect((await failureOf(() => callerFor(deps).properties.blockDates(range))).code).toBe('UNAUTHORIZED');
    expect(await blocksOf(propertyId)).toEqual([]);

    await admin.caller.properties.blockDates(range);
    expect(await blocksOf(propertyId)).toEqual([['2031-09-01', '2031-09-03']]);
  });

  it('refuses to block an archived listing', async () => {
    const { host, propertyId } = await hostWithPlace({ status: 'archived' });
    const failure = await failureOf(() =>
      host.caller.properties.blockDates({ propertyId, startDate: '2031-09-01', endDate: '2031-09-03' }),
    );
    expect(failure).toMatchObject({ code: 'CONFLICT', reason: 'PROPERTY_ARCHIVED' });
  });
});

describe('properties.unblockDates', () => {
  it('splits a block that spans the range in two', async () => {
    const { host, propertyId } = await hostWithPlace();
    await host.caller.properties.blockDates({ propertyId, startDate: '2031-04-01', endDate: '2031-04-11' });

    const calendar = await host.caller.properties.unblockDates({
      propertyId,
      startDate: '2031-04-04',
      endDate: '2031-04-06',
    });

    expect(statuses(calendar)).toEqual(['04-04 available', '04-05 available']);
    expect(await blocksOf(propertyId)).toEqual([
      ['2031-04-01', '2031-04-04'],
      ['2031-04-06', '2031-04-11'],
    ]);
  });

  it('trims blocks across its edges and removes blocks inside it', async () => {
    const { host, propertyId } = await hostWithPlace();
    await host.caller.properties.blockDates({ propertyId, startDate: '2031-04-01', endDate: '2031-04-05' });
    await host.caller.properties.blockDates({ propertyId, startDate: '2031-04-06', endDate: '2031-04-07' });
    await host.caller.properties.blockDates({ propertyId, startDate: '2031-04-08', endDate: '2031-04-12' });

    await host.caller.properties.unblockDates({ propertyId, startDate: '2031-04-03', endDate: '2031-04-10' });

    expect(await blocksOf(propertyId)).toEqual([
      ['2031-04-01', '2031-04-03'],
      ['2031-04-10', '2031-04-12'],
    ]);
  });

  it('never touches booked nights', async () => {
    const { host, propertyId } = await hostWithPlace();
    await book(propertyId, '2031-04-01', '2031-04-03');
    await host.caller.properties.blockDates({ propertyId, startDate: '2031-04-03', endDate: '2031-04-05' });

    const calendar = await host.caller.properties.unblockDates({
      propertyId,
      startDate: '2031-04-01',
      endDate: '2031-04-05',
    });

    expect(statuses(calendar)).toEqual([
      '04-01 booked',
      '04-02 booked',
      '04-03 available',
      '04-04 available',
    ]);
    const holds = await deps.db
      .selectFrom('occupancy')
      .select('kind')
      .where('property_id', '=', propertyId)
      .execute();
    expect(holds).toEqual([{ kind: 'booking' }]);
  });

  it('answers NOT_FOUND to another host and leaves the block', async () => {
    const { host, propertyId } = await hostWithPlace();
    await host.caller.properties.blockDates({ propertyId, startDate: '2031-04-01', endDate: '2031-04-03' });
    const other = await signedIn(deps, 'host');
    const failure = await failureOf(() =>
      other.caller.properties.unblockDates({ propertyId, startDate: '2031-04-01', endDate: '2031-04-03' }),
    );
    expect(failure.code).toBe('NOT_FOUND');
    expect(await blocksOf(propertyId)).toHaveLength(1);
  });
});
