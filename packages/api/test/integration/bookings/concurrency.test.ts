import { describe, expect, it } from 'vitest';
import { ManualClock } from '../../../src/infra/clock.ts';
import {
  type Failure,
  failureOf,
  outcomeOf,
  queuedJobs,
  signedIn,
  useTestDeps,
} from '../../../src/testing/index.ts';
import { listing, stay } from './helpers.ts';

const clock = new ManualClock('2031-03-01T12:00:00Z');
const deps = await useTestDeps({ clock });

/** 'ok', or the code and reason a call failed with. */
const summary = (outcome: 'ok' | Failure) => (outcome === 'ok' ? 'ok' : `${outcome.code} ${outcome.reason}`);

describe('concurrent creates', () => {
  it('lets exactly one of 50 guests racing for overlapping nights hold them; the 49 others get DATES_UNAVAILABLE', async () => {
    const { propertyId } = await listing(deps);
    const guests = await Promise.all(Array.from({ length: 50 }, () => signedIn(deps, 'guest')));
    const chargeJobsBefore = (await queuedJobs(deps, 'charge_booking')).length;

    // Every stay covers the night of 10 April; starts and ends vary.
    const outcomes = await Promise.all(
      guests.map((guest, i) =>
        outcomeOf(() =>
          guest.caller.bookings.create(
            stay(propertyId, `2031-04-${String(5 + (i % 5)).padStart(2, '0')}`, `2031-04-${11 + (i % 3)}`),
          ),
        ),
      ),
    );

    const counts = outcomes.map(summary).reduce<Record<string, number>>((acc, outcome) => {
      acc[outcome] = (acc[outcome] ?? 0) + 1;
      return acc;
    }, {});
    expect(counts).toEqual({ ok: 1, 'CONFLICT DATES_UNAVAILABLE': 49 });
    const holds = await deps.db
      .selectFrom('occupancy')
      .select('booking_id')
      .where('property_id', '=', propertyId)
      .execute();
    const bookings = await deps.db
      .selectFrom('bookings')
      .select('booking_id')
      .where('property_id', '=', propertyId)
      .execute();
    expect(holds).toHaveLength(1);
    expect(bookings.map((b) => b.booking_id)).toEqual(holds.map((h) => h.booking_id));
    expect(await queuedJobs(deps, 'charge_booking')).toHaveLength(chargeJobsBefore + 1);
  });

  it('answers 10 concurrent creates with one idempotency key with one booking and identical answers', async () => {
    const { propertyId } = await listing(deps);
    const guest = await signedIn(deps, 'guest');
    const input = stay(propertyId, '2031-04-01', '2031-04-04');

    const answers = await Promise.all(Array.from({ length: 10 }, () => guest.caller.bookings.create(input)));

    const [first] = answers;
    for (const answer of answers) expect(answer).toEqual(first);
    const rows = await deps.db
      .selectFrom('bookings')
      .select('booking_id')
      .where('user_id', '=', guest.userId)
      .execute();
    expect(rows.map((row) => row.booking_id)).toEqual([first?.bookingId]);
  });

  it('answers a replay after the first request committed with the same booking', async () => {
    const { propertyId } = await listing(deps);
    const guest = await signedIn(deps, 'guest');
    const input = stay(propertyId, '2031-04-01', '2031-04-04');

    const first = await guest.caller.bookings.create(input);
    const replay = await guest.caller.bookings.create(input);

    expect(replay).toEqual(first);
  });

  it('refuses the same key with other input as IDEMPOTENCY_KEY_REUSED', async () => {
    const { propertyId } = await listing(deps);
    const guest = await signedIn(deps, 'guest');
    const input = stay(propertyId, '2031-04-01', '2031-04-04');
    await guest.caller.bookings.create(input);

    const failures = await Promise.all([
      failureOf(() => guest.caller.bookings.create({ ...input, guests: 3 })),
      failureOf(() => guest.caller.bookings.create({ ...input, endDate: '2031-04-05' })),
      failureOf(() => guest.caller.bookings.create({ ...input, paymentToken: 'tok_chargeDeclined' })),
    ]);

    for (const failure of failures) {
      expect(failure).toMatchObject({ code: 'CONFLICT', reason: 'IDEMPOTENCY_KEY_REUSED' });
    }
  });

  it('refuses concurrent creates with one key but different input: one booking, the rest IDEMPOTENCY_KEY_REUSED', async () => {
    const { propertyId } = await listing(deps);
    const other = await listing(deps);
    const guest = await signedIn(deps, 'guest');
    const input = stay(propertyId, '2031-04-01', '2031-04-04');

    const outcomes = await Promise.all([
      outcomeOf(() => guest.caller.bookings.create(input)),
      outcomeOf(() => guest.caller.bookings.create({ ...input, propertyId: other.propertyId })),
    ]);

    expect(outcomes.map(summary).sort()).toEqual(['CONFLICT IDEMPOTENCY_KEY_REUSED', 'ok']);
  });

  it('keeps idempotency keys per guest: two guests may use the same key', async () => {
    const { propertyId } = await listing(deps);
    const a = await signedIn(deps, 'guest');
    const b = await signedIn(deps, 'guest');

    const first = await a.caller.bookings.create(
      stay(propertyId, '2031-04-01', '2031-04-04', { idempotencyKey: 'shared-key' }),
    );
    const second = await b.caller.bookings.create(
      stay(propertyId, '2031-04-05', '2031-04-07', { idempotencyKey: 'shared-key' }),
    );

    expect(second.bookingId).not.toBe(first.bookingId);
  });

  it('lets a guest rebook nights a cancellation released', async () => {
    const { propertyId } = await listing(deps);
    const first = await signedIn(deps, 'guest');
    const second = await signedIn(deps, 'guest');
    const booking = await first.caller.bookings.create(stay(propertyId, '2031-04-01', '2031-04-04'));

    await first.caller.bookings.cancel({ bookingId: booking.bookingId });
    const rebooked = await second.caller.bookings.create(stay(propertyId, '2031-04-01', '2031-04-04'));

    expect(rebooked.status).toBe('pending');
  });
});
