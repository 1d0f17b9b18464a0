import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { runDueJobs, useTestDeps } from '@stayhub/api/testing';
import type * as StayHubSdk from '@stayhub/sdk';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  importPacked,
  installPackedOffline,
  packSdk,
} from '../../../../packages/sdk/test/support/packed-sdk.ts';
import { buildServer } from '../../src/app.ts';

/**
 * The main flows of SPEC §5 through the SDK as a consumer gets it: `pnpm pack`ed, unpacked into a
 * node_modules outside the workspace and imported through its manifest's `exports` (dist/index.js, not
 * src/), against the real server on a free port.
 */

const deps = await useTestDeps();
const app = await buildServer({
  deps,
  logger: pino({ level: 'silent' }),
  config: {
    BODY_LIMIT_BYTES: 1_024 * 64,
    TRPC_MAX_BATCH_SIZE: 20,
    CORS_ORIGINS: [],
    TRUST_PROXY: false,
  },
});
const origin = await app.listen({ host: '127.0.0.1', port: 0 });

let workDir: string;
let sdk: typeof StayHubSdk;

beforeAll(async () => {
  workDir = await mkdtemp(path.join(os.tmpdir(), 'stayhub-sdk-e2e-'));
  const packed = await packSdk(path.join(workDir, 'pack'));
  console.log(
    `driving ${path.basename(packed.tarball)} (${packed.bytes} bytes, ` +
      `${packed.reused ? 'reused from an identical pack' : `packed in ${(packed.packMs / 1000).toFixed(1)} s`})`,
  );
  const installed = await installPackedOffline(packed.tarball, path.join(workDir, 'consumer'));
  sdk = await importPacked<typeof StayHubSdk>(installed);
  expect(sdk.createStayHubClient).toBeTypeOf('function');
}, 300_000);

afterAll(async () => {
  await app.close();
  if (workDir) await rm(workDir, { recursive: true, force: true });
});

const password = 'lantern-meadow-orbit-7';
const unique = Date.now().toString(36);

/** A calendar date `days` from today (UTC), YYYY-MM-DD. */
function inDays(days: number): string {
  return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
}

async function signUp(first: string) {
  const anonymous = sdk.createStayHubClient({ url: origin });
  const email = `${first.toLowerCase()}-${unique}@example.test`;
  await anonymous.auth.register.mutate({ email, password, firstName: first, lastName: 'Packed' });
  const { token, user } = await anonymous.auth.login.mutate({ email, password });
  return { client: sdk.createStayHubClient({ url: origin, token: () => token }), user, email };
}

/** The error a call rejects with (fails the test if it resolves). */
async function failureOf(call: Promise<unknown>): Promise<unknown> {
  return call.then(
    () => expect.unreachable('the call should have failed'),
    (error: unknown) => error,
  );
}

describe('the packed SDK against a running server', () => {
  const listingName = `Packed loft ${unique}`;
  let host: Awaited<ReturnType<typeof signUp>>;
  let guest: Awaited<ReturnType<typeof signUp>>;
  let propertyId: string;

  it('signs up, signs in, reads me and finds a listed place', async () => {
    host = await signUp('Hana');
    await host.client.users.becomeHost.mutate();
    const property = await host.client.properties.create.mutate({
      name: listingName,
      description: 'Two rooms over the river.',
      address: 'Rua dos Remédios 1',
      propertyType: 'apartment',
      city: 'Lisbon',
      country: 'PT',
      lat: 38.711,
      lng: -9.128,
      timezone: 'Europe/Lisbon',
      pricePerNightCents: 10_000,
      cleaningFeeCents: 2_500,
      currency: 'EUR',
      maxGuests: 4,
      bedrooms: 2,
      beds: 2,
      bathrooms: 1,
      cancellationPolicy: 'flexible',
      instantBook: true,
    });
    propertyId = property.propertyId;
    await host.client.properties.addPhoto.mutate({ propertyId, url: 'https://img.example.test/loft.jpg' });
    await host.client.properties.setStatus.mutate({ propertyId, status: 'listed' });

    guest = await signUp('Gus');
    const me = await guest.client.users.me.query();
    expect(me).toMatchObject({ userId: guest.user.userId, email: guest.email, role: 'guest' });
    expect(me.createdAt).toBeInstanceOf(Date);

    const page = await guest.client.properties.search.query({
      text: listingName,
      startDate: inDays(30),
      endDate: inDays(33),
      guests: 2,
    });
    expect(page.items.map((item) => item.propertyId)).toEqual([propertyId]);
    expect(page.items[0]).toMatchObject({ name: listingName, pricePerNightCents: 10_000, currency: 'EUR' });
  });

  it('books, waits for the server-side charge, previews the refund and cancels', async () => {
    const stay = { propertyId, startDate: inDays(30), endDate: inDays(33), guests: 2 };
    const quote = await guest.client.bookings.quote.query(stay);
    expect(quote).toMatchObject({ available: true, nights: 3, subtotalCents: 30_000 });

    const created = await guest.client.bookings.create.mutate({
      ...stay,
      paymentMethod: 'credit_card',
      paymentToken: 'tok_visa',
      idempotencyKey: randomUUID(),
    });
    expect(created).toMatchObject({ status: 'pending', totalCents: quote.totalCents });

    // The worker charges the card; here the test runs the queued jobs in-process, then polls like a frontend.
    await runDueJobs(deps);
    let booking = await guest.client.bookings.get.query({ bookingId: created.bookingId });
    for (let attempt = 0; booking.status === 'pending' && attempt < 20; attempt++) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      booking = await guest.client.bookings.get.query({ bookingId: created.bookingId });
    }
    expect(booking.status).toBe('confirmed');
    expect(booking.confirmedAt).toBeInstanceOf(Date);

    const { items: payments } = await guest.client.payments.listForBooking.query({
      bookingId: created.bookingId,
    });
    expect(payments).toContainEqual(
      expect.objectContaining({ kind: 'charge', status: 'succeeded', amountCents: quote.totalCents }),
    );

    const preview = await guest.client.bookings.cancellationPreview.query({ bookingId: created.bookingId });
    expect(preview).toMatchObject({ tier: 'full', refundCents: quote.totalCents });
    const canceled = await guest.client.bookings.cancel.mutate({ bookingId: created.bookingId });
    expect(canceled).toMatchObject({
      status: 'canceled',
      refundCents: quote.totalCents,
      canceledBy: 'guest',
    });

    const review = await failureOf(
      guest.client.reviews.create.mutate({ bookingId: created.bookingId, rating: 5, comment: 'Great.' }),
    );
    expect(sdk.errorReason(review)).toBe('STAY_NOT_COMPLETED');
  });

  it('lets a guest message the host, who sees the conversation', async () => {
    const { conversation } = await guest.client.messages.start.mutate({
      propertyId,
      messageBody: 'Is there a lift?',
    });
    await host.client.messages.send.mutate({
      conversationId: conversation.conversationId,
      messageBody: 'Yes, and parking.',
    });
    const { items } = await guest.client.messages.list.query({ conversationId: conversation.conversationId });
    expect(items.map((message) => message.messageBody)).toEqual(
      expect.arrayContaining(['Is there a lift?', 'Yes, and parking.']),
    );
    const { count } = await host.client.notifications.unreadCount.query();
    expect(count).toBeGreaterThanOrEqual(0);
  });

  it('answers with typed, machine-readable errors', async () => {
    const taken = await failureOf(
      sdk.createStayHubClient({ url: origin }).auth.register.mutate({
        email: guest.email,
        password,
        firstName: 'Again',
        lastName: 'Packed',
      }),
    );
    expect(sdk.isStayHubError(taken)).toBe(true);
    expect(sdk.errorReason(taken)).toBe('EMAIL_TAKEN');

    const invalid = await failureOf(
      guest.client.properties.search.query({ near: { lat: 123, lng: 0, radiusKm: 5 } }),
    );
    expect(sdk.errorReason(invalid)).toBe('VALIDATION_FAILED');
    expect(sdk.fieldErrors(invalid).map((field) => field.path)).toContain('near.lat');

    const anonymous = await failureOf(sdk.createStayHubClient({ url: origin }).users.me.query());
    expect(sdk.isStayHubError(anonymous) && anonymous.data.httpStatus).toBe(401);
    expect(sdk.errorReason(anonymous)).toBe('UNAUTHENTICATED');

    const offline = await failureOf(sdk.createStayHubClient({ url: 'http://127.0.0.1:9' }).health.query());
    expect(sdk.isStayHubError(offline)).toBe(false);
    expect(sdk.errorReason(offline)).toBeUndefined();
  });
});
