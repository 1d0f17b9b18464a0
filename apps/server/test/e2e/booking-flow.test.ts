import { randomUUID } from 'node:crypto';
import { runDueJobs, useTestDeps } from '@stayhub/api/testing';
import { createStayHubClient } from '@stayhub/sdk';
import pino from 'pino';
import { afterAll, describe, expect, it } from 'vitest';
import { buildServer } from '../../src/app.ts';

const deps = await useTestDeps();
const app = await buildServer({
  deps,
  logger: pino({ level: 'silent' }),
  config: { BODY_LIMIT_BYTES: 1_024 * 64, TRPC_MAX_BATCH_SIZE: 5, CORS_ORIGINS: [], TRUST_PROXY: [] },
});
const origin = await app.listen({ host: '127.0.0.1', port: 0 });
afterAll(() => app.close());

const password = 'lantern-meadow-orbit-7';

/** A calendar day `days` from now, far enough ahead that no time zone still has it in the past. */
const daysAhead = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

async function signUp(firstName: string) {
  const email = `${firstName.toLowerCase()}-${randomUUID().slice(0, 8)}@example.test`;
  const { token } = await createStayHubClient({ url: origin }).auth.register.mutate({
    email,
    password,
    firstName,
    lastName: 'E2E',
  });
  return createStayHubClient({ url: origin, token });
}

describe('booking a stay over HTTP', () => {
  it('lists a place, quotes and books it, confirms it by the charge job, and refunds a cancellation', async () => {
    const host = await signUp('Hosta');
    await host.users.becomeHost.mutate();
    const place = await host.properties.create.mutate({
      name: 'Riverside loft',
      description: 'Light, quiet, close to the tram.',
      propertyType: 'apartment',
      address: 'Rua da Boavista 12',
      city: 'Lisbon',
      country: 'PT',
      lat: 38.7077,
      lng: -9.1497,
      timezone: 'Europe/Lisbon',
      pricePerNightCents: 12_000,
      cleaningFeeCents: 3_000,
      currency: 'EUR',
      maxGuests: 3,
      bedrooms: 1,
      beds: 2,
      bathrooms: 1,
      instantBook: true,
      cancellationPolicy: 'flexible',
    });
    await host.properties.addPhoto.mutate({
      propertyId: place.propertyId,
      url: 'https://cdn.example.test/loft.jpg',
    });
    await host.properties.setStatus.mutate({ propertyId: place.propertyId, status: 'listed' });

    const guest = await signUp('Guesto');
    const dates = { startDate: daysAhead(30), endDate: daysAhead(32) };
    const quote = await guest.bookings.quote.query({ propertyId: place.propertyId, ...dates, guests: 2 });
    // 2 × 120.00 + 30.00 cleaning = 270.00; 14 % service fee 37.80; total 307.80.
    expect(quote).toMatchObject({
      available: true,
      subtotalCents: 24_000,
      serviceFeeCents: 3_780,
      totalCents: 30_780,
    });

    const booking = await guest.bookings.create.mutate({
      propertyId: place.propertyId,
      ...dates,
      guests: 2,
      paymentMethod: 'credit_card',
      paymentToken: 'tok_visa',
      idempotencyKey: randomUUID(),
    });
    expect(booking).toMatchObject({ status: 'pending', totalCents: quote.totalCents });

    await runDueJobs(deps);

    const confirmed = await guest.bookings.get.query({ bookingId: booking.bookingId });
    expect(confirmed).toMatchObject({ status: 'confirmed', confirmedAt: expect.any(Date) });
    const hostView = await host.bookings.listForHost.query({ scope: 'upcoming' });
    expect(hostView.items.map((item) => item.bookingId)).toEqual([booking.bookingId]);

    const preview = await guest.bookings.cancellationPreview.query({ bookingId: booking.bookingId });
    expect(preview).toMatchObject({ tier: 'full', refundCents: 30_780 });
    const canceled = await guest.bookings.cancel.mutate({
      bookingId: booking.bookingId,
      reason: 'change of plans',
    });
    expect(canceled).toMatchObject({ status: 'canceled', refundCents: 30_780 });

    await runDueJobs(deps);

    const { items } = await guest.payments.listForBooking.query({ bookingId: booking.bookingId });
    expect(items).toMatchObject([
      { kind: 'charge', status: 'succeeded', amountCents: 30_780, paymentDate: expect.any(Date) },
      { kind: 'refund', status: 'succeeded', amountCents: 30_780 },
    ]);
    expect((await host.payments.listPayouts.query()).items).toMatchObject([
      { bookingId: booking.bookingId, status: 'canceled' },
    ]);
  });

  it('answers a stranger asking for the booking with NOT_FOUND and a typed reason', async () => {
    const stranger = await signUp('Strangr');

    await expect(stranger.bookings.get.query({ bookingId: randomUUID() })).rejects.toMatchObject({
      data: { code: 'NOT_FOUND', reason: 'NOT_FOUND' },
    });
  });
});
