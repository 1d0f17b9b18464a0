import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../../src/infra/clock.ts';
import {
  callerFor,
  createProperty,
  failureOf,
  insertPhotos,
  type SignedIn,
  signedIn,
  TEST_PASSWORD,
  useTestDeps,
} from '../../../src/testing/index.ts';
import { listing, runJobsDueBy, stay } from '../bookings/helpers.ts';

const clock = new ManualClock('2031-03-01T12:00:00Z');
const deps = await useTestDeps({ clock });

/** Every table of the public schema whose rows, as JSON text, contain `needle` (any case), with counts. */
async function tablesHolding(needle: string): Promise<Record<string, number>> {
  const { rows: tables } = await sql<{ table_name: string }>`
    SELECT table_name FROM information_schema.tables
    WHERE table_schema = 'public' AND table_type = 'BASE TABLE'
    ORDER BY table_name
  `.execute(deps.db);
  const found: Record<string, number> = {};
  for (const { table_name } of tables) {
    const { rows } = await sql<{ count: number }>`
      SELECT count(*)::int AS count FROM ${sql.table(table_name)} AS t
      WHERE row_to_json(t)::text ILIKE ${`%${needle}%`}
    `.execute(deps.db);
    const count = rows[0]?.count ?? 0;
    if (count > 0) found[table_name] = count;
  }
  return found;
}

interface Person {
  user: SignedIn;
  email: string;
  firstName: string;
  lastName: string;
  phone: string;
}

/** A person with words found nowhere else in the database, so a search for them finds only their data. */
async function distinctivePerson(role: 'guest' | 'host'): Promise<Person> {
  const tag = randomUUID().slice(0, 8);
  const person = {
    email: `zephyrine.${tag}@example.test`,
    firstName: `Zephyrine${tag}`,
    lastName: `Quillfeather${tag}`,
    phone: `+3519${String(Number.parseInt(tag, 16) % 100_000_000).padStart(8, '0')}`,
  };
  const user = await signedIn(deps, role, {
    email: person.email,
    first_name: person.firstName,
    last_name: person.lastName,
    phone_number: person.phone,
    bio: 'Loves quiet places.',
    avatar_url: 'https://cdn.example.test/zephyrine.jpg',
  });
  return { user, ...person };
}

describe('users.deleteAccount after a busy life on StayHub', () => {
  let person: Person;
  let guest: SignedIn;
  let otherHost: SignedIn;
  let propertyId: string;
  let ownBookingId: string;
  let paymentsBefore: { payment_id: string }[];

  /**
   * The person hosts (a listing with a photo; a guest's stay there, paid out, reviewed both ways, talked
   * about) and travels (a stay elsewhere, paid, reviewed both ways, a message to that host), chose an email
   * preference, and has notifications. Every stay is over when they delete the account.
   */
  beforeAll(async () => {
    person = await distinctivePerson('host');
    const busy = person.user;
    ({ propertyId } = await createProperty(deps.db, busy.userId, { instant_book: true }));
    await insertPhotos(deps, propertyId, 1);
    guest = await signedIn(deps, 'guest', { first_name: 'Gus' });
    const hosted = await guest.caller.bookings.create(stay(propertyId, '2031-03-10', '2031-03-13'));
    const elsewhere = await listing(deps);
    otherHost = elsewhere.host;
    const own = await busy.caller.bookings.create(stay(elsewhere.propertyId, '2031-03-05', '2031-03-08'));
    ownBookingId = own.bookingId;
    await runJobsDueBy(deps, clock);

    const started = await guest.caller.messages.start({
      propertyId,
      bookingId: hosted.bookingId,
      messageBody: 'Arriving at six.',
    });
    clock.advance(60_000);
    await busy.caller.messages.send({
      conversationId: started.conversation.conversationId,
      messageBody: `${person.firstName} here: call me on ${person.phone}.`,
    });
    await busy.caller.messages.start({
      propertyId: elsewhere.propertyId,
      bookingId: own.bookingId,
      messageBody: `Hello, ${person.firstName} ${person.lastName} speaking.`,
    });
    for (const at of ['2031-03-11T00:00:00Z', '2031-03-13T00:00:00Z', '2031-03-14T11:00:00Z']) {
      clock.set(at);
      await runJobsDueBy(deps, clock);
    }
    await guest.caller.reviews.create({ bookingId: hosted.bookingId, rating: 5, comment: 'Lovely host.' });
    await busy.caller.reviews.createForGuest({ bookingId: hosted.bookingId, rating: 5, comment: 'Tidy.' });
    await busy.caller.reviews.create({ bookingId: own.bookingId, rating: 4, comment: 'Nice place.' });
    await otherHost.caller.reviews.createForGuest({ bookingId: own.bookingId, rating: 4, comment: 'Fine.' });
    await busy.caller.notifications.updatePreferences({ email: { message_received: false } });
    clock.advance(60 * 60_000);
    await runJobsDueBy(deps, clock);

    // Before: the person's words are all over the database (a check that the search below can find them).
    expect(Object.keys(await tablesHolding(person.firstName))).toEqual(
      expect.arrayContaining(['messages', 'notifications', 'users']),
    );
    paymentsBefore = await deps.db
      .selectFrom('payments')
      .select('payment_id')
      .where('booking_id', '=', ownBookingId)
      .execute();
    expect(paymentsBefore.length).toBeGreaterThan(0);

    await expect(busy.caller.users.deleteAccount({ password: TEST_PASSWORD })).resolves.toEqual({ ok: true });
  }, 90_000);

  it('leaves the person’s email, names and phone number in no table of the database', async () => {
    for (const needle of [person.email, person.firstName, person.lastName, person.phone]) {
      expect(await tablesHolding(needle), needle).toEqual({});
    }
  });

  it('keeps the financial records, pointing at the anonymised account', async () => {
    const payments = await deps.db
      .selectFrom('payments')
      .select('payment_id')
      .where('booking_id', '=', ownBookingId)
      .execute();
    expect(payments).toEqual(paymentsBefore);
    const booking = await deps.db
      .selectFrom('bookings')
      .select(['user_id', 'status'])
      .where('booking_id', '=', ownBookingId)
      .executeTakeFirstOrThrow();
    expect(booking).toEqual({ user_id: person.user.userId, status: 'completed' });
    const payouts = await deps.db
      .selectFrom('payouts')
      .select('host_id')
      .where('host_id', '=', person.user.userId)
      .execute();
    expect(payouts).toHaveLength(1);
    const user = await deps.db
      .selectFrom('users')
      .select([
        'email',
        'first_name',
        'last_name',
        'phone_number',
        'bio',
        'avatar_url',
        'status',
        'deleted_at',
      ])
      .where('user_id', '=', person.user.userId)
      .executeTakeFirstOrThrow();
    expect(user).toEqual({
      email: `deleted-${person.user.userId}@invalid`,
      first_name: 'Deleted',
      last_name: 'user',
      phone_number: null,
      bio: null,
      avatar_url: null,
      status: 'suspended',
      deleted_at: clock.now(),
    });
  });

  it('erases the bodies of the person’s messages and keeps the other side’s', async () => {
    const bodies = await deps.db
      .selectFrom('messages')
      .select(['sender_id', 'message_body'])
      .where((eb) =>
        eb.or([eb('sender_id', '=', person.user.userId), eb('recipient_id', '=', person.user.userId)]),
      )
      .orderBy('sent_at')
      .execute();
    expect(bodies).toEqual([
      { sender_id: guest.userId, message_body: 'Arriving at six.' },
      { sender_id: person.user.userId, message_body: '[deleted]' },
      { sender_id: person.user.userId, message_body: '[deleted]' },
    ]);
  });

  it('ends every session: the old token is UNAUTHORIZED, and the old email no longer signs in', async () => {
    // A new request with the old token (a caller resolves its viewer once, like one HTTP request).
    const again = callerFor(deps, { token: person.user.token });
    expect(await failureOf(() => again.users.me())).toMatchObject({ code: 'UNAUTHORIZED' });
    const sessions = await deps.db
      .selectFrom('sessions')
      .select('session_id')
      .where('user_id', '=', person.user.userId)
      .execute();
    expect(sessions).toEqual([]);
    expect(
      await failureOf(() => callerFor(deps).auth.login({ email: person.email, password: TEST_PASSWORD })),
    ).toMatchObject({ code: 'UNAUTHORIZED', reason: 'INVALID_CREDENTIALS' });
  });

  it('takes the person’s listings off the marketplace and their profile out of view', async () => {
    const property = await deps.db
      .selectFrom('properties')
      .select('status')
      .where('property_id', '=', propertyId)
      .executeTakeFirstOrThrow();
    expect(property.status).toBe('archived');
    expect(await failureOf(() => guest.caller.users.profile({ userId: person.user.userId }))).toMatchObject({
      code: 'NOT_FOUND',
    });
  });

  it('shows the other side their conversation and notifications with the person anonymised', async () => {
    const page = await otherHost.caller.notifications.list();
    const fromPerson = page.items.filter(
      (item) => item.type === 'message_received' || item.type === 'review_received',
    );
    expect(fromPerson.length).toBeGreaterThan(0);
    for (const item of fromPerson) {
      if (item.type === 'message_received') {
        expect(item.payload).toMatchObject({ senderFirstName: 'Deleted', preview: '[deleted]' });
      }
      if (item.type === 'review_received') expect(item.payload.authorFirstName).toBe('Deleted');
    }
  });
});

describe('users.deleteAccount refusals', () => {
  it('refuses a guest with an upcoming stay with HAS_UPCOMING_STAYS, and changes nothing', async () => {
    const { propertyId } = await listing(deps);
    const guest = await distinctivePerson('guest');
    await guest.user.caller.bookings.create(stay(propertyId, '2031-08-10', '2031-08-13'));
    await runJobsDueBy(deps, clock);
    const error = await failureOf(() => guest.user.caller.users.deleteAccount({ password: TEST_PASSWORD }));
    expect(error).toMatchObject({ code: 'CONFLICT', reason: 'HAS_UPCOMING_STAYS' });
    expect(await guest.user.caller.users.me()).toMatchObject({
      email: guest.email,
      firstName: guest.firstName,
      phoneNumber: guest.phone,
    });
  });

  it('refuses a host whose listing has a stay ahead, even one only requested', async () => {
    const host = await distinctivePerson('host');
    const { propertyId } = await createProperty(deps.db, host.user.userId, { instant_book: false });
    await insertPhotos(deps, propertyId, 1);
    const guest = await signedIn(deps, 'guest');
    await guest.caller.bookings.create(stay(propertyId, '2031-09-10', '2031-09-13'));
    const error = await failureOf(() => host.user.caller.users.deleteAccount({ password: TEST_PASSWORD }));
    expect(error).toMatchObject({ code: 'CONFLICT', reason: 'HAS_UPCOMING_STAYS' });
    expect(await host.user.caller.users.me()).toMatchObject({ email: host.email });
  });

  it('lets a guest whose only stay was canceled go', async () => {
    const { propertyId } = await listing(deps);
    const guest = await distinctivePerson('guest');
    const booking = await guest.user.caller.bookings.create(stay(propertyId, '2031-10-10', '2031-10-13'));
    await runJobsDueBy(deps, clock);
    await guest.user.caller.bookings.cancel({ bookingId: booking.bookingId });
    await expect(guest.user.caller.users.deleteAccount({ password: TEST_PASSWORD })).resolves.toEqual({
      ok: true,
    });
  });

  it('refuses a wrong password as a field error, and changes nothing', async () => {
    const person = await distinctivePerson('guest');
    const error = await failureOf(() =>
      person.user.caller.users.deleteAccount({ password: 'not-my-password' }),
    );
    expect(error).toMatchObject({
      code: 'BAD_REQUEST',
      reason: 'INVALID_CREDENTIALS',
      fieldPaths: ['password'],
    });
    expect(await person.user.caller.users.me()).toMatchObject({ email: person.email });
  });

  it('answers UNAUTHORIZED to a token whose session lookup was cached before the deletion', async () => {
    const person = await distinctivePerson('guest');
    // Cached now (the session lookup goes through the cache, Redis when REDIS_URL is set).
    await person.user.caller.users.me();
    await person.user.caller.users.deleteAccount({ password: TEST_PASSWORD });
    const again = callerFor(deps, { token: person.user.token });
    expect(await failureOf(() => again.users.me())).toMatchObject({ code: 'UNAUTHORIZED' });
  });
});
