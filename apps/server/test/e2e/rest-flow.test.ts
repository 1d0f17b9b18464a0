import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ManualClock } from '@stayhub/api/runtime';
import { runJobsDueBy, useTestDeps } from '@stayhub/api/testing';
import pino from 'pino';
import { afterAll, describe, expect, it } from 'vitest';
import { buildServer } from '../../src/app.ts';
import { type AppProcess, appEnv, eventually, startApp } from '../support/processes.ts';

/**
 * The core flow over REST with plain fetch and JSON — no SDK, no superjson (SPEC §8): register, log in,
 * search with dates, get, quote, book, poll until a real worker process has confirmed the charge, preview
 * and cancel with a refund, book again, the stay completes (the test moves the server's clock once the
 * worker has stopped), review, message.
 */

const clock = new ManualClock(new Date());
const deps = await useTestDeps({ clock });
const app = await buildServer({
  deps,
  logger: pino({ level: 'silent' }),
  config: { BODY_LIMIT_BYTES: 65_536, TRPC_MAX_BATCH_SIZE: 5, CORS_ORIGINS: [], TRUST_PROXY: false },
});
const origin = await app.listen({ host: '127.0.0.1', port: 0 });
const dataDir = await mkdtemp(path.join(tmpdir(), 'stayhub-rest-e2e-'));
let worker: AppProcess | undefined;
afterAll(async () => {
  await worker?.terminate();
  await app.close();
  await rm(dataDir, { recursive: true, force: true });
});

const DAY_MS = 86_400_000;
const day = (offset: number) => new Date(clock.now().getTime() + offset * DAY_MS).toISOString().slice(0, 10);

interface Answer {
  status: number;
  // biome-ignore lint/suspicious/noExplicitAny: a JSON body, read field by field by the assertions
  body: any;
}

/** One REST call as any HTTP client makes it: a method, a path, JSON in and out, a bearer token. */
async function call(method: string, pathAndQuery: string, options: { token?: string; body?: unknown } = {}) {
  const response = await fetch(`${origin}/api/v1${pathAndQuery}`, {
    method,
    headers: {
      ...(options.body === undefined ? {} : { 'content-type': 'application/json' }),
      ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
    },
    ...(options.body === undefined ? {} : { body: JSON.stringify(options.body) }),
  });
  expect(response.headers.get('content-type')).toContain('application/json');
  const answer: Answer = { status: response.status, body: await response.json() };
  return answer;
}

async function ok(method: string, pathAndQuery: string, options: { token?: string; body?: unknown } = {}) {
  const answer = await call(method, pathAndQuery, options);
  expect({
    method,
    pathAndQuery,
    status: answer.status,
    body: answer.status === 200 ? 'ok' : answer.body,
  }).toEqual({
    method,
    pathAndQuery,
    status: 200,
    body: 'ok',
  });
  return answer.body;
}

const password = 'lantern-meadow-orbit-7';
const emailFor = (name: string) => `${name}-${randomUUID().slice(0, 8)}@example.test`;

describe('the core flow over REST', () => {
  it('registers, searches, books, confirms through the worker, cancels with a refund, reviews and messages', async () => {
    worker = startApp('worker', {
      ...appEnv({ databaseUrl: deps.databaseUrl, dataDir, label: 'rest-flow' }),
      WORKER_POLL_INTERVAL_MS: '200',
    });

    // The host lists a place.
    const host = await ok('POST', '/auth/register', {
      body: { email: emailFor('hana'), password, firstName: 'Hana', lastName: 'Rest' },
    });
    await ok('POST', '/users/me/become-host', { token: host.token });
    const name = `Tram-side loft ${randomUUID().slice(0, 8)}`;
    const place = await ok('POST', '/properties', {
      token: host.token,
      body: {
        name,
        description: 'Light, quiet, close to the tram.',
        propertyType: 'apartment',
        address: 'Rua da Boavista 12',
        city: 'Lisbon',
        country: 'PT',
        lat: 38.7077,
        lng: -9.1497,
        timezone: 'UTC',
        pricePerNightCents: 12_000,
        cleaningFeeCents: 3_000,
        currency: 'EUR',
        maxGuests: 3,
        bedrooms: 1,
        beds: 2,
        bathrooms: 1,
        instantBook: true,
        cancellationPolicy: 'flexible',
      },
    });
    const { propertyId } = place;
    await ok('POST', `/properties/${propertyId}/photos`, {
      token: host.token,
      body: { url: 'https://cdn.example.test/loft.jpg' },
    });
    await ok('PUT', `/properties/${propertyId}/status`, { token: host.token, body: { status: 'listed' } });

    // The guest registers, then logs in.
    const email = emailFor('gus');
    await ok('POST', '/auth/register', { body: { email, password, firstName: 'Gus', lastName: 'Rest' } });
    const login = await ok('POST', '/auth/login', { body: { email, password } });
    expect(login).toMatchObject({ token: expect.any(String), user: { email, role: 'guest' } });
    const guest = login.token;

    // Search with dates, get, quote.
    const stay = { startDate: day(30), endDate: day(32) };
    const found = await ok(
      'GET',
      `/properties?text=${encodeURIComponent(name)}&startDate=${stay.startDate}&endDate=${stay.endDate}&guests=2&limit=5`,
    );
    expect(found.items.map((item: { propertyId: string }) => item.propertyId)).toEqual([propertyId]);
    const listing = await ok('GET', `/properties/${propertyId}`, { token: guest });
    expect(listing).toMatchObject({ propertyId, name, address: null });
    const quote = await ok(
      'GET',
      `/properties/${propertyId}/quote?startDate=${stay.startDate}&endDate=${stay.endDate}&guests=2`,
      { token: guest },
    );
    expect(quote).toMatchObject({ available: true, subtotalCents: 24_000, totalCents: 30_780 });

    // Book; the worker process charges and confirms.
    const book = (dates: { startDate: string; endDate: string }) =>
      ok('POST', '/bookings', {
        token: guest,
        body: {
          propertyId,
          ...dates,
          guests: 2,
          paymentMethod: 'credit_card',
          paymentToken: 'tok_visa',
          idempotencyKey: randomUUID(),
        },
      });
    const confirmedBy = (bookingId: string) =>
      eventually(async () => {
        const booking = await ok('GET', `/bookings/${bookingId}`, { token: guest });
        return booking.status === 'confirmed' ? booking : undefined;
      }, 45_000);
    const booking = await book(stay);
    expect(booking).toMatchObject({ status: 'pending', totalCents: quote.totalCents });
    const confirmed = await confirmedBy(booking.bookingId);
    expect(confirmed.confirmedAt).toMatch(/^\d{4}-\d{2}-\d{2}T[\d:.]+Z$/);
    expect((await ok('GET', `/properties/${propertyId}`, { token: guest })).address).toBe(
      'Rua da Boavista 12',
    );

    // Preview the refund, then cancel: the refund is the previewed one.
    const preview = await ok('GET', `/bookings/${booking.bookingId}/cancellation-preview`, { token: guest });
    expect(preview).toMatchObject({ tier: 'full', paidCents: 30_780, refundCents: 30_780 });
    const canceled = await ok('POST', `/bookings/${booking.bookingId}/cancel`, {
      token: guest,
      body: { reason: 'change of plans' },
    });
    expect(canceled).toMatchObject({ status: 'canceled', refundCents: preview.refundCents });
    const payments = await eventually(async () => {
      const page = await ok('GET', `/bookings/${booking.bookingId}/payments`, { token: guest });
      return page.items.some(
        (item: { kind: string; status: string }) => item.kind === 'refund' && item.status === 'succeeded',
      )
        ? page
        : undefined;
    }, 45_000);
    expect(payments.items).toMatchObject([
      { kind: 'charge', status: 'succeeded', amountCents: 30_780 },
      { kind: 'refund', status: 'succeeded', amountCents: 30_780 },
    ]);

    // A second stay; once it is confirmed the worker stops, and the server's clock moves past the stay.
    const second = await book({ startDate: day(3), endDate: day(5) });
    await confirmedBy(second.bookingId);
    expect(await worker.terminate()).toBe(0);
    worker = undefined;
    clock.set(`${day(6)}T12:00:00Z`);
    await runJobsDueBy(deps, clock);
    expect(await ok('GET', `/bookings/${second.bookingId}`, { token: guest })).toMatchObject({
      status: 'completed',
    });

    // Reviews are blind until both sides have written (SPEC §10): the host reviews the guest first.
    await ok('POST', '/guest-reviews', {
      token: host.token,
      body: { bookingId: second.bookingId, rating: 5, comment: 'A considerate guest.' },
    });
    const review = await ok('POST', '/reviews', {
      token: guest,
      body: { bookingId: second.bookingId, rating: 5, comment: 'Bright and quiet.' },
    });
    expect(review).toMatchObject({ reviewId: expect.any(String), rating: 5 });
    const again = await call('POST', '/reviews', {
      token: guest,
      body: { bookingId: second.bookingId, rating: 4, comment: 'Twice?' },
    });
    expect(again).toMatchObject({ status: 409, body: { code: 'CONFLICT', reason: 'ALREADY_REVIEWED' } });
    const reviews = await ok('GET', `/properties/${propertyId}/reviews`);
    expect(reviews.items).toMatchObject([
      { reviewId: review.reviewId, rating: 5, author: { firstName: 'Gus' } },
    ]);

    // Message the host about the stay; the host reads it.
    const started = await ok('POST', '/conversations', {
      token: guest,
      body: { propertyId, bookingId: second.bookingId, messageBody: 'Thank you for the stay!' },
    });
    const { conversationId } = started.conversation;
    const thread = await ok('GET', `/conversations/${conversationId}/messages`, { token: host.token });
    expect(thread.items).toMatchObject([{ messageBody: 'Thank you for the stay!' }]);
    await ok('POST', `/conversations/${conversationId}/read`, { token: host.token, body: {} });
  });
});
