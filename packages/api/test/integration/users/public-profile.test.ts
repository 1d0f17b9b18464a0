import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { addDays } from '../../../src/domain/shared/dates.ts';
import {
  type CallerRole,
  callerAs,
  callerFor,
  createBooking,
  createProperty,
  createSignedInUser,
  createUser,
  failureOf,
  useTestDeps,
} from '../../../src/testing/index.ts';

const deps = await useTestDeps();
const anonymous = callerFor(deps);

/** A completed stay at `propertyId` reviewed with `rating`, as the review service would leave it. */
async function review(propertyId: string, rating: number, startDate: string) {
  const guest = await createUser(deps.db);
  const end = addDays(startDate, 2);
  const { bookingId } = await createBooking(deps.db, {
    propertyId,
    guestId: guest.userId,
    startDate,
    endDate: end,
    status: 'completed',
  });
  await deps.db
    .insertInto('reviews')
    .values({
      booking_id: bookingId,
      property_id: propertyId,
      user_id: guest.userId,
      rating,
      comment: 'ok',
      published_at: new Date(),
    })
    .execute();
}

describe('users.profile', () => {
  it("shows a guest's first name, avatar, bio and join date, and no host stats", async () => {
    const user = await createUser(deps.db, {
      first_name: 'Ana',
      last_name: 'Silva',
      bio: 'Traveller',
      avatar_url: 'https://cdn.example.test/ana.png',
      phone_number: '+351912345678',
    });
    const profile = await anonymous.users.profile({ userId: user.userId });
    expect(profile).toEqual({
      userId: user.userId,
      firstName: 'Ana',
      avatarUrl: 'https://cdn.example.test/ana.png',
      bio: 'Traveller',
      isHost: false,
      joinedAt: expect.any(Date),
      hostStats: null,
      guestStats: { reviewCount: 0, ratingAvg: null },
    });
  });

  it('never contains email, phone or last name, whoever asks', async () => {
    const user = await createUser(deps.db, { role: 'host', phone_number: '+351912345678' });
    for (const role of ['anonymous', 'guest', 'host', 'admin'] as const) {
      const { caller } = await callerAs(deps, role);
      const profile = await caller.users.profile({ userId: user.userId });
      expect(Object.keys(profile).sort()).toEqual(
        ['avatarUrl', 'bio', 'firstName', 'guestStats', 'hostStats', 'isHost', 'joinedAt', 'userId'].sort(),
      );
      const text = JSON.stringify(profile);
      expect(text).not.toContain(user.email);
      expect(text).not.toContain('+351912345678');
    }
  });

  it('shows a host with listed places, review count and average rating across all their places', async () => {
    const host = await createUser(deps.db, { role: 'host' });
    const first = await createProperty(deps.db, host.userId);
    const second = await createProperty(deps.db, host.userId);
    const unlisted = await createProperty(deps.db, host.userId, { status: 'unlisted' });
    await createProperty(deps.db, host.userId, { status: 'draft', listed_at: null });
    await review(first.propertyId, 5, '2026-01-10');
    await review(first.propertyId, 4, '2026-02-10');
    await review(second.propertyId, 4, '2026-03-10');
    await review(unlisted.propertyId, 2, '2026-04-10');
    // Another host's reviews do not count.
    const elsewhere = await createProperty(deps.db, (await createUser(deps.db, { role: 'host' })).userId);
    await review(elsewhere.propertyId, 1, '2026-01-10');

    const profile = await anonymous.users.profile({ userId: host.userId });

    expect(profile.isHost).toBe(true);
    expect(profile.hostStats).toEqual({ listedProperties: 2, reviewCount: 4, ratingAvg: 3.75 });
  });

  it('shows a new host with zeros and no rating', async () => {
    const host = await createUser(deps.db, { role: 'host' });
    const profile = await anonymous.users.profile({ userId: host.userId });
    expect(profile).toMatchObject({
      isHost: true,
      hostStats: { listedProperties: 0, reviewCount: 0, ratingAvg: null },
    });
  });

  it('shows an admin as a host only when they have listed places', async () => {
    const admin = await createUser(deps.db, { role: 'admin' });
    expect(await anonymous.users.profile({ userId: admin.userId })).toMatchObject({
      isHost: false,
      hostStats: null,
    });
    const hostingAdmin = await createUser(deps.db, { role: 'admin' });
    await createProperty(deps.db, hostingAdmin.userId);
    expect(await anonymous.users.profile({ userId: hostingAdmin.userId })).toMatchObject({
      isHost: true,
      hostStats: { listedProperties: 1 },
    });
  });

  it('answers NOT_FOUND for an unknown user', async () => {
    expect(await failureOf(() => anonymous.users.profile({ userId: randomUUID() }))).toMatchObject({
      code: 'NOT_FOUND',
      reason: 'NOT_FOUND',
    });
  });

  it('answers NOT_FOUND for a suspended user, as if they did not exist', async () => {
    const user = await createUser(deps.db, { status: 'suspended', role: 'host' });
    const { caller } = await callerAs(deps, 'admin');
    for (const asker of [anonymous, caller]) {
      expect(await failureOf(() => asker.users.profile({ userId: user.userId }))).toMatchObject({
        code: 'NOT_FOUND',
        reason: 'NOT_FOUND',
      });
    }
  });

  it('refuses an id that is not a UUID with BAD_REQUEST on userId', async () => {
    const failure = await failureOf(() => anonymous.users.profile({ userId: 'me' }));
    expect(failure).toMatchObject({ code: 'BAD_REQUEST', reason: 'VALIDATION_FAILED' });
    expect(failure.fieldErrors?.map((field) => field.path)).toEqual(['userId']);
  });

  it.each<CallerRole>(['anonymous', 'guest', 'host', 'admin', 'suspended'])(
    'is public: a %s caller may read it',
    async (role) => {
      const user = await createUser(deps.db, { first_name: 'Visible' });
      const { caller } = await callerAs(deps, role);
      expect((await caller.users.profile({ userId: user.userId })).firstName).toBe('Visible');
    },
  );
});

describe('public profile cache', () => {
  it('serves a cached profile for a while after the first read', async () => {
    const user = await createUser(deps.db, { first_name: 'Before' });
    await anonymous.users.profile({ userId: user.userId });
    // Written behind the services' back: the cache does not know.
    await deps.db
      .updateTable('users')
      .set({ first_name: 'Behind' })
      .where('user_id', '=', user.userId)
      .execute();
    const cached = await anonymous.users.profile({ userId: user.userId });
    expect(cached.firstName).toBe('Before');
    expect(cached.joinedAt).toBeInstanceOf(Date);
  });

  it('never serves a stale profile after updateProfile', async () => {
    const user = await createSignedInUser(deps, { first_name: 'Before', bio: 'old' });
    await anonymous.users.profile({ userId: user.userId });
    await callerFor(deps, { token: user.token }).users.updateProfile({ firstName: 'After', bio: 'new' });
    expect(await anonymous.users.profile({ userId: user.userId })).toMatchObject({
      firstName: 'After',
      bio: 'new',
    });
  });

  it('never serves a guest profile after becomeHost', async () => {
    const user = await createSignedInUser(deps);
    expect((await anonymous.users.profile({ userId: user.userId })).isHost).toBe(false);
    await callerFor(deps, { token: user.token }).users.becomeHost();
    expect(await anonymous.users.profile({ userId: user.userId })).toMatchObject({
      isHost: true,
      hostStats: { listedProperties: 0, reviewCount: 0, ratingAvg: null },
    });
  });

  it('stops serving a profile once the user is suspended, and serves it again once reinstated', async () => {
    const user = await createUser(deps.db);
    const { caller: admin } = await callerAs(deps, 'admin');
    await anonymous.users.profile({ userId: user.userId });

    await admin.admin.suspendUser({ userId: user.userId, reason: 'Chargebacks' });
    expect(await failureOf(() => anonymous.users.profile({ userId: user.userId }))).toMatchObject({
      code: 'NOT_FOUND',
    });

    await admin.admin.reinstateUser({ userId: user.userId, reason: 'Appeal upheld' });
    expect((await anonymous.users.profile({ userId: user.userId })).userId).toBe(user.userId);
  });
});
