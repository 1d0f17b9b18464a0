import { describe, expect, it } from 'vitest';
import { ManualClock } from '../../../src/infra/clock.ts';
import {
  callerFor,
  createProperty,
  failureOf,
  insertPhotos,
  signedIn,
  useTestDeps,
} from '../../../src/testing/index.ts';
import { bookingRow, listing, paymentsOf, runJobsDueBy, stay } from '../bookings/helpers.ts';
import { notificationsOf } from '../reviews/helpers.ts';

const clock = new ManualClock('2031-03-01T12:00:00Z');
const deps = await useTestDeps({ clock });

let town = 0;
/** A listed place in a town of its own, so a search by name finds it and nothing else. */
async function placeInTown() {
  town += 1;
  const city = `Moderationville${town}`;
  const place = await listing(deps, { city, name: `${city} loft` });
  return { ...place, city };
}

/** A guest with a confirmed stay at the place, paid (the charge job has run). */
async function paidStay(propertyId: string, startDate: string, endDate: string) {
  const guest = await signedIn(deps, 'guest');
  const booking = await guest.caller.bookings.create(stay(propertyId, startDate, endDate));
  await runJobsDueBy(deps, clock);
  expect((await bookingRow(deps, booking.bookingId)).status).toBe('confirmed');
  return { guest, bookingId: booking.bookingId, totalCents: booking.totalCents };
}

const searchTown = async (city: string) =>
  (await callerFor(deps).properties.search({ text: city })).items.map((item) => item.propertyId);

describe('moderation (SPEC §10)', () => {
  it('cancels all 3 upcoming stays of a suspended host with full refunds, tells the 3 guests and drops the listings from search', async () => {
    const first = await placeInTown();
    const second = await createSecondListing(first.host);
    const stays = [
      await paidStay(first.propertyId, '2031-04-01', '2031-04-04'),
      await paidStay(first.propertyId, '2031-05-01', '2031-05-03'),
      await paidStay(second, '2031-04-10', '2031-04-12'),
    ];
    // Cached before the suspension: the search page and the listing view.
    expect((await searchTown(first.city)).sort()).toEqual([first.propertyId, second].sort());
    await callerFor(deps).properties.get({ propertyId: first.propertyId });
    const admin = await signedIn(deps, 'admin');

    await admin.caller.admin.suspendUser({ userId: first.host.userId, reason: 'Fraudulent listings' });

    for (const { bookingId, totalCents } of stays) {
      expect(await bookingRow(deps, bookingId)).toMatchObject({
        status: 'canceled',
        canceled_by: 'admin',
        refund_cents: totalCents,
      });
    }
    await runJobsDueBy(deps, clock);
    const ledger = await deps.payments.ledger();
    for (const { bookingId, totalCents } of stays) {
      const refund = (await paymentsOf(deps, bookingId)).find((payment) => payment.kind === 'refund');
      expect(refund).toMatchObject({ status: 'succeeded', amount_cents: totalCents });
      expect(ledger).toContainEqual(
        expect.objectContaining({
          idempotencyKey: refund?.idempotency_key,
          kind: 'refund',
          amountCents: totalCents,
          status: 'succeeded',
        }),
      );
    }
    for (const { guest, bookingId } of stays) {
      expect(await notificationsOf(deps, guest.userId, 'booking_canceled')).toMatchObject([
        { payload: { bookingId, canceledBy: 'admin' } },
      ]);
    }
    expect(await searchTown(first.city)).toEqual([]);
  });

  it('refuses new bookings of a suspended host’s listing with HOST_SUSPENDED and books nothing', async () => {
    const place = await placeInTown();
    const admin = await signedIn(deps, 'admin');
    await admin.caller.admin.suspendUser({ userId: place.host.userId, reason: 'Fraud' });
    const guest = await signedIn(deps, 'guest');

    const failure = await failureOf(() =>
      guest.caller.bookings.create(stay(place.propertyId, '2031-06-01', '2031-06-03')),
    );

    expect(failure).toMatchObject({ code: 'CONFLICT', reason: 'HOST_SUSPENDED' });
    expect((await guest.caller.bookings.listMine()).items).toEqual([]);
  });

  it('lists the listings again when the host is reinstated, and leaves the canceled stays canceled', async () => {
    const place = await placeInTown();
    const { bookingId } = await paidStay(place.propertyId, '2031-04-01', '2031-04-04');
    const admin = await signedIn(deps, 'admin');
    await admin.caller.admin.suspendUser({ userId: place.host.userId, reason: 'Fraud' });
    expect(await searchTown(place.city)).toEqual([]);

    await admin.caller.admin.reinstateUser({ userId: place.host.userId, reason: 'Appeal upheld' });

    expect(await searchTown(place.city)).toEqual([place.propertyId]);
    expect((await bookingRow(deps, bookingId)).status).toBe('canceled');
    const guest = await signedIn(deps, 'guest');
    const again = await guest.caller.bookings.create(stay(place.propertyId, '2031-04-01', '2031-04-04'));
    expect(again.status).toBe('pending');
  });

  it('keeps a listing an admin suspended on its own suspended when its host is reinstated', async () => {
    const place = await placeInTown();
    const other = await createSecondListing(place.host);
    const admin = await signedIn(deps, 'admin');
    await admin.caller.admin.suspendProperty({ propertyId: other, reason: 'Misleading photos' });
    await admin.caller.admin.suspendUser({ userId: place.host.userId, reason: 'Fraud' });

    await admin.caller.admin.reinstateUser({ userId: place.host.userId, reason: 'Appeal upheld' });

    expect(await searchTown(place.city)).toEqual([place.propertyId]);
  });

  it("cancels the upcoming stays of a suspended listing with full refunds, and leaves the host's other listings alone", async () => {
    const place = await placeInTown();
    const other = await createSecondListing(place.host);
    const upcoming = await paidStay(place.propertyId, '2031-04-01', '2031-04-04');
    const elsewhere = await paidStay(other, '2031-04-01', '2031-04-04');
    const admin = await signedIn(deps, 'admin');

    await admin.caller.admin.suspendProperty({ propertyId: place.propertyId, reason: 'Misleading photos' });
    await runJobsDueBy(deps, clock);

    expect(await bookingRow(deps, upcoming.bookingId)).toMatchObject({
      status: 'canceled',
      refund_cents: upcoming.totalCents,
    });
    expect(await notificationsOf(deps, upcoming.guest.userId, 'booking_canceled')).toHaveLength(1);
    expect((await bookingRow(deps, elsewhere.bookingId)).status).toBe('confirmed');
    expect(await searchTown(place.city)).toEqual([other]);
  });
});

/** Another listed place of the same host, in the same town. */
async function createSecondListing(host: Awaited<ReturnType<typeof signedIn>>): Promise<string> {
  const { propertyId: first } = await deps.db
    .selectFrom('properties')
    .select('property_id as propertyId')
    .where('host_id', '=', host.userId)
    .executeTakeFirstOrThrow();
  const row = await deps.db
    .selectFrom('properties')
    .select(['city', 'name'])
    .where('property_id', '=', first)
    .executeTakeFirstOrThrow();
  const { propertyId } = await createProperty(deps.db, host.userId, {
    instant_book: true,
    city: row.city,
    name: `${row.name} annex`,
  });
  await insertPhotos(deps, propertyId, 1);
  return propertyId;
}
