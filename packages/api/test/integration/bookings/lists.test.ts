import { describe, expect, it } from 'vitest';
import { ManualClock } from '../../../src/infra/clock.ts';
import { createBooking, createUser, failureOf, signedIn, useTestDeps } from '../../../src/testing/index.ts';
import { listing, runJobsDueBy, stay } from './helpers.ts';

const clock = new ManualClock('2031-03-15T12:00:00Z');
const deps = await useTestDeps({ clock });

const ids = (list: { items: { bookingId: string }[] }) => list.items.map((item) => item.bookingId);

/** A guest with trips in every state around "today" (15 March). */
async function guestWithTrips() {
  const guest = await signedIn(deps, 'guest');
  const { host, propertyId } = await listing(deps);
  const at = (startDate: string, endDate: string, status: Parameters<typeof createBooking>[1]['status']) =>
    createBooking(deps.db, { propertyId, guestId: guest.userId, startDate, endDate, status }).then(
      (b) => b.bookingId,
    );
  const trips = {
    // Ended before today, completed.
    completed: await at('2031-03-01', '2031-03-05', 'completed'),
    // Under way: ends after today.
    ongoing: await at('2031-03-14', '2031-03-17', 'confirmed'),
    soon: await at('2031-03-20', '2031-03-22', 'pending'),
    later: await at('2031-04-10', '2031-04-12', 'requested'),
    // In the future but canceled: history, not upcoming.
    canceled: await at('2031-05-01', '2031-05-03', 'canceled'),
  };
  return { guest, host, propertyId, trips };
}

describe('bookings.listMine', () => {
  it('splits trips into upcoming (active, not over, soonest first) and past (everything else, latest first)', async () => {
    const { guest, trips } = await guestWithTrips();

    const upcoming = await guest.caller.bookings.listMine({ scope: 'upcoming' });
    const past = await guest.caller.bookings.listMine({ scope: 'past' });
    const all = await guest.caller.bookings.listMine();

    expect(ids(upcoming)).toEqual([trips.ongoing, trips.soon, trips.later]);
    expect(ids(past)).toEqual([trips.canceled, trips.completed]);
    expect(ids(all)).toEqual([trips.canceled, trips.later, trips.soon, trips.ongoing, trips.completed]);
  });

  it('filters by status and pages with a cursor, without gaps or repeats', async () => {
    const { guest, trips } = await guestWithTrips();

    const confirmedOnly = await guest.caller.bookings.listMine({ status: 'confirmed' });
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: Awaited<ReturnType<typeof guest.caller.bookings.listMine>> =
        await guest.caller.bookings.listMine({ limit: 2, cursor });
      seen.push(...ids(page));
      cursor = page.nextCursor;
    } while (cursor);

    expect(ids(confirmedOnly)).toEqual([trips.ongoing]);
    expect(seen).toEqual([trips.canceled, trips.later, trips.soon, trips.ongoing, trips.completed]);
  });

  it('shows only the caller’s own trips', async () => {
    await guestWithTrips();
    const stranger = await signedIn(deps, 'guest');

    expect((await stranger.caller.bookings.listMine()).items).toEqual([]);
  });

  it('refuses a cursor it did not hand out', async () => {
    const guest = await signedIn(deps, 'guest');

    const failure = await failureOf(() => guest.caller.bookings.listMine({ cursor: 'bm90LWEtY3Vyc29y' }));

    expect(failure).toMatchObject({ code: 'BAD_REQUEST', reason: 'INVALID_CURSOR', fieldPaths: ['cursor'] });
  });
});

describe('bookings.listForHost', () => {
  it('lists requests waiting for an answer, and upcoming and past stays of the host’s listings', async () => {
    const { host, trips } = await guestWithTrips();

    expect(ids(await host.caller.bookings.listForHost({ scope: 'requests' }))).toEqual([trips.later]);
    expect(ids(await host.caller.bookings.listForHost({ scope: 'upcoming' }))).toEqual([
      trips.ongoing,
      trips.soon,
      trips.later,
    ]);
    expect(ids(await host.caller.bookings.listForHost({ scope: 'past' }))).toEqual([
      trips.canceled,
      trips.completed,
    ]);
  });

  it('narrows to one listing, and hides other hosts’ listings (NOT_FOUND)', async () => {
    const { host, propertyId } = await listing(deps);
    const other = await listing(deps);
    const guest = await createUser(deps.db);
    const mine = await createBooking(deps.db, {
      propertyId,
      guestId: guest.userId,
      startDate: '2031-04-01',
      endDate: '2031-04-03',
    });
    await createBooking(deps.db, {
      propertyId: other.propertyId,
      guestId: guest.userId,
      startDate: '2031-04-01',
      endDate: '2031-04-03',
    });

    expect(ids(await host.caller.bookings.listForHost({ propertyId }))).toEqual([mine.bookingId]);
    expect(ids(await host.caller.bookings.listForHost())).toEqual([mine.bookingId]);
    expect(
      await failureOf(() => host.caller.bookings.listForHost({ propertyId: other.propertyId })),
    ).toMatchObject({ code: 'NOT_FOUND' });
  });

  it('is for hosts: a guest account is FORBIDDEN', async () => {
    const guest = await signedIn(deps, 'guest');

    expect(await failureOf(() => guest.caller.bookings.listForHost())).toMatchObject({ code: 'FORBIDDEN' });
  });
});

describe('payments', () => {
  it('lists a booking’s charges and refunds in camelCase to its guest, host and admins', async () => {
    const { host, propertyId } = await listing(deps, { cancellation_policy: 'flexible' });
    const guest = await signedIn(deps, 'guest');
    const admin = await signedIn(deps, 'admin');
    const booking = await guest.caller.bookings.create(stay(propertyId, '2031-04-01', '2031-04-04'));
    await runJobsDueBy(deps, clock);
    await guest.caller.bookings.cancel({ bookingId: booking.bookingId });
    await runJobsDueBy(deps, clock);

    for (const caller of [guest.caller, host.caller, admin.caller]) {
      const { items } = await caller.payments.listForBooking({ bookingId: booking.bookingId });
      expect(items).toMatchObject([
        {
          bookingId: booking.bookingId,
          kind: 'charge',
          amountCents: 37_050,
          currency: 'EUR',
          paymentMethod: 'credit_card',
          status: 'succeeded',
          providerReference: expect.stringMatching(/^sim_ch_/),
          attempts: 1,
          failureCode: null,
          paymentDate: clock.now(),
        },
        { kind: 'refund', amountCents: 37_050, status: 'succeeded', paymentMethod: 'credit_card' },
      ]);
    }
  });

  it('lists a host’s own payouts, newest first, by status, page by page', async () => {
    const { host, propertyId } = await listing(deps);
    const bookingIds: string[] = [];
    for (const [startDate, endDate] of [
      ['2031-04-01', '2031-04-03'],
      ['2031-04-05', '2031-04-07'],
      ['2031-04-09', '2031-04-11'],
    ] as const) {
      const guest = await signedIn(deps, 'guest');
      bookingIds.push((await guest.caller.bookings.create(stay(propertyId, startDate, endDate))).bookingId);
      await runJobsDueBy(deps, clock);
    }

    const first = await host.caller.payments.listPayouts({ limit: 2 });
    const second = await host.caller.payments.listPayouts({ limit: 2, cursor: first.nextCursor });
    const released = await host.caller.payments.listPayouts({ status: 'released' });

    expect([...first.items, ...second.items].map((p) => p.bookingId)).toEqual([...bookingIds].reverse());
    expect(second.nextCursor).toBeNull();
    expect(first.items[0]).toMatchObject({
      propertyId,
      status: 'scheduled',
      amountCents: 21_825,
      currency: 'EUR',
      releaseDate: '2031-04-10',
      releasedAt: null,
    });
    expect(released.items).toEqual([]);
  });
});
