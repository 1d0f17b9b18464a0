import { randomUUID } from 'node:crypto';
import { ManualClock } from '@stayhub/api/runtime';
import { runJobsDueBy, useTestDeps } from '@stayhub/api/testing';
import { createStayHubClient } from '@stayhub/sdk';
import pino from 'pino';
import { afterAll, describe, expect, it } from 'vitest';
import { buildServer } from '../../src/app.ts';

/**
 * Reviews (SPEC §4, §10), end to end through the real HTTP server and the SDK: a guest books, the stay completes
 * (the test moves the clock; nothing waits), the host and the guest review each other, the host responds, and
 * the new rating shows in search results and in properties.get straight away — no stale cache.
 */
const clock = new ManualClock(new Date());
const deps = await useTestDeps({ clock });
const app = await buildServer({
  deps,
  logger: pino({ level: 'silent' }),
  config: { BODY_LIMIT_BYTES: 1_048_576, TRPC_MAX_BATCH_SIZE: 20, CORS_ORIGINS: [], TRUST_PROXY: false },
});
const origin = await app.listen({ host: '127.0.0.1', port: 0 });
afterAll(() => app.close());

const anonymous = createStayHubClient({ url: origin });
const DAY_MS = 86_400_000;
const day = (offset: number) => new Date(clock.now().getTime() + offset * DAY_MS).toISOString().slice(0, 10);

async function signUp(firstName: string) {
  const email = `${firstName.toLowerCase()}-${randomUUID().slice(0, 8)}@example.test`;
  const { token } = await anonymous.auth.register.mutate({
    email,
    password: 'a long and unusual passphrase',
    firstName,
    lastName: 'Tester',
  });
  return createStayHubClient({ url: origin, token });
}

describe('a stay, from booking to a review in search', () => {
  it('shows the guest’s rating in search and on the listing as soon as it is written', async () => {
    const host = await signUp('Hana');
    await host.users.becomeHost.mutate();
    const name = `Riverside loft ${randomUUID().slice(0, 8)}`;
    const { propertyId } = await host.properties.create.mutate({
      name,
      description: 'Two rooms over the river.',
      address: 'Rua dos Remédios 1',
      propertyType: 'apartment',
      city: 'Porto',
      country: 'PT',
      lat: 41.14,
      lng: -8.61,
      timezone: 'UTC',
      pricePerNightCents: 12_000,
      cleaningFeeCents: 3_000,
      currency: 'EUR',
      maxGuests: 3,
      bedrooms: 1,
      beds: 2,
      bathrooms: 1,
      cancellationPolicy: 'moderate',
      instantBook: true,
    });
    await host.properties.addPhoto.mutate({ propertyId, url: 'https://img.example.test/loft.jpg' });
    await host.properties.setStatus.mutate({ propertyId, status: 'listed' });

    // Reads before the review: both the listing and the search page are now cached.
    const searchByName = () => anonymous.properties.search.query({ text: name });
    expect((await searchByName()).items).toMatchObject([{ propertyId, ratingAvg: null, reviewCount: 0 }]);
    expect(await anonymous.properties.get.query({ propertyId })).toMatchObject({
      ratingAvg: null,
      reviewCount: 0,
    });

    const guest = await signUp('Gus');
    const booking = await guest.bookings.create.mutate({
      propertyId,
      startDate: day(3),
      endDate: day(5),
      guests: 2,
      paymentMethod: 'credit_card',
      paymentToken: 'tok_visa',
      idempotencyKey: randomUUID(),
    });
    expect(booking.status).toBe('pending');
    await runJobsDueBy(deps, clock); // the charge
    expect(await guest.bookings.get.query({ bookingId: booking.bookingId })).toMatchObject({
      status: 'confirmed',
    });

    // The stay ends: move the clock past the end date and let the timers run.
    clock.set(`${day(6)}T12:00:00Z`);
    await runJobsDueBy(deps, clock);
    expect(await guest.bookings.get.query({ bookingId: booking.bookingId })).toMatchObject({
      status: 'completed',
    });

    // Reviews are blind until both sides have written (SPEC §10): the host reviews the guest first, so the
    // guest's review is shown, and counted, the moment it is written.
    await host.reviews.createForGuest.mutate({
      bookingId: booking.bookingId,
      rating: 5,
      comment: 'A considerate guest.',
    });
    const review = await guest.reviews.create.mutate({
      bookingId: booking.bookingId,
      rating: 4,
      comment: 'Bright, quiet, great host.',
    });
    await host.reviews.respond.mutate({
      reviewId: review.reviewId,
      hostResponse: 'Thank you, come back soon!',
    });

    expect((await searchByName()).items).toMatchObject([{ propertyId, ratingAvg: 4, reviewCount: 1 }]);
    expect(await anonymous.properties.get.query({ propertyId })).toMatchObject({
      ratingAvg: 4,
      reviewCount: 1,
    });
    const { items } = await anonymous.reviews.listForProperty.query({ propertyId });
    expect(items).toMatchObject([
      {
        reviewId: review.reviewId,
        rating: 4,
        hostResponse: 'Thank you, come back soon!',
        author: { firstName: 'Gus' },
      },
    ]);
  });
});
