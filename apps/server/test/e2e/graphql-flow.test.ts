import { randomUUID } from 'node:crypto';
import { ManualClock } from '@stayhub/api/runtime';
import { createProperty, createUser, insertPhotos, runJobsDueBy, useTestDeps } from '@stayhub/api/testing';
import pino from 'pino';
import { afterAll, describe, expect, it } from 'vitest';
import { buildServer } from '../../src/app.ts';
import { graphql, refusalsOf } from '../support/graphql.ts';

/**
 * The core flow over GraphQL with plain fetch (SPEC §8; no SDK, no superjson): a guest registers, logs in,
 * searches with dates, reads the listing, quotes, books, sees the booking confirmed by the charge job,
 * previews and cancels a refund, books again, reviews the completed stay and writes to the host. Jobs run
 * in-process on the test clock (as review-flow does); nothing waits on wall time.
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

const DAY_MS = 86_400_000;
const day = (offset: number) => new Date(clock.now().getTime() + offset * DAY_MS).toISOString().slice(0, 10);

/** The `data` of an answer that must have no errors. */
async function ok(query: string, options: Parameters<typeof graphql>[2] = {}) {
  const answer = await graphql(origin, query, options);
  expect({ status: answer.status, errors: answer.body.errors ?? [] }).toEqual({ status: 200, errors: [] });
  if (!answer.body.data) throw new Error('no data');
  return answer.body.data;
}

const bookingFields = 'bookingId status totalCents refundCents property { name }';

async function book(token: string, propertyId: string, startDate: string, endDate: string) {
  const data = await ok(
    `mutation($input: CreateBookingInput!) { createBooking(input: $input) { ${bookingFields} } }`,
    {
      token,
      variables: {
        input: {
          propertyId,
          startDate,
          endDate,
          guests: 2,
          paymentMethod: 'credit_card',
          paymentToken: 'tok_visa',
          idempotencyKey: randomUUID(),
        },
      },
    },
  );
  return data.createBooking as { bookingId: string; status: string; totalCents: number };
}

/** Polls the booking, running due jobs between reads, until it leaves `pending` (or 20 rounds pass). */
async function pollUntilSettled(token: string, bookingId: string) {
  for (let round = 0; round < 20; round += 1) {
    const data = await ok(`query($bookingId: ID!) { booking(bookingId: $bookingId) { ${bookingFields} } }`, {
      token,
      variables: { bookingId },
    });
    const booking = data.booking as { status: string };
    if (booking.status !== 'pending') return booking;
    await runJobsDueBy(deps, clock);
  }
  throw new Error('the booking stayed pending');
}

describe('the core flow over GraphQL', () => {
  it('registers, logs in, searches, books, cancels with a refund, reviews a completed stay and messages the host', async () => {
    const stayOver = `${day(6)}T12:00:00Z`;
    // SPEC §10 blind reviews: shown once the host has reviewed the guest too, or the 14-day window closes.
    const windowClosed = `${day(21)}T12:00:00Z`;
    const host = await createUser(deps.db, { role: 'host', first_name: 'Hana' });
    const name = `Tagus view ${randomUUID().slice(0, 8)}`;
    const { propertyId } = await createProperty(deps.db, host.userId, {
      name,
      timezone: 'UTC',
      instant_book: true,
      cancellation_policy: 'flexible',
    });
    await insertPhotos(deps, propertyId, 2);

    const email = `gus-${randomUUID().slice(0, 8)}@example.test`;
    const password = 'a long and unusual passphrase';
    const registered = await ok(
      'mutation($input: RegisterInput!) { register(input: $input) { token user { email firstName } } }',
      { variables: { input: { email, password, firstName: 'Gus', lastName: 'Tester' } } },
    );
    expect(registered.register).toMatchObject({ user: { email, firstName: 'Gus' } });

    const wrong = await graphql(
      origin,
      'mutation($email: String!) { login(email: $email, password: "nope") { token } }',
      {
        variables: { email },
      },
    );
    expect(refusalsOf(wrong)).toEqual([{ code: 'UNAUTHORIZED', reason: 'INVALID_CREDENTIALS' }]);
    const loggedIn = await ok(
      'mutation($email: String!, $password: String!) { login(email: $email, password: $password) { token } }',
      { variables: { email, password } },
    );
    const token = (loggedIn.login as { token: string }).token;
    expect((await ok('{ me { email } }', { token })).me).toEqual({ email });

    const found = await ok(
      `query($text: String!, $startDate: String!, $endDate: String!) {
        search(text: $text, startDate: $startDate, endDate: $endDate, guests: 2, first: 10) {
          edges { node { propertyId name host { firstName } photos { url } } }
          pageInfo { hasNextPage endCursor }
        } }`,
      { variables: { text: name, startDate: day(3), endDate: day(5) } },
    );
    expect(found.search).toMatchObject({
      edges: [{ node: { propertyId, name, host: { firstName: 'Hana' } } }],
      pageInfo: { hasNextPage: false, endCursor: null },
    });

    const listing = await ok(
      `query($propertyId: ID!, $from: String!, $to: String!) {
        property(propertyId: $propertyId) {
          name address exactLocation photos { position } amenities { code }
          calendar(from: $from, to: $to) { days { date status } }
        } }`,
      { token, variables: { propertyId, from: day(3), to: day(5) } },
    );
    expect(listing.property).toMatchObject({
      name,
      address: null,
      exactLocation: false,
      photos: [{ position: 0 }, { position: 1 }],
      calendar: {
        days: [
          { date: day(3), status: 'available' },
          { date: day(4), status: 'available' },
        ],
      },
    });

    const quoted = await ok(
      `query($propertyId: ID!, $startDate: String!, $endDate: String!) {
        quote(propertyId: $propertyId, startDate: $startDate, endDate: $endDate, guests: 2) {
          available nights totalCents } }`,
      { token, variables: { propertyId, startDate: day(3), endDate: day(5) } },
    );
    const quote = quoted.quote as { available: boolean; nights: number; totalCents: number };
    expect(quote).toMatchObject({ available: true, nights: 2 });

    // Book, and let the charge job confirm it.
    const first = await book(token, propertyId, day(3), day(5));
    expect(first).toMatchObject({ status: 'pending', totalCents: quote.totalCents });
    expect(await pollUntilSettled(token, first.bookingId)).toMatchObject({ status: 'confirmed' });
    const paid = await ok(
      'query($bookingId: ID!) { booking(bookingId: $bookingId) { payments { kind status amountCents } } }',
      {
        token,
        variables: { bookingId: first.bookingId },
      },
    );
    expect(paid.booking).toEqual({
      payments: [{ kind: 'charge', status: 'succeeded', amountCents: quote.totalCents }],
    });

    // Cancel with the refund the preview promised (flexible, days ahead: everything back).
    const previewed = await ok(
      'query($bookingId: ID!) { booking(bookingId: $bookingId) { cancellationPreview { tier refundCents } } }',
      { token, variables: { bookingId: first.bookingId } },
    );
    expect(previewed.booking).toEqual({
      cancellationPreview: { tier: 'full', refundCents: quote.totalCents },
    });
    const canceled = await ok(
      `mutation($bookingId: ID!) { cancelBooking(bookingId: $bookingId, reason: "Plans changed") { ${bookingFields} } }`,
      { token, variables: { bookingId: first.bookingId } },
    );
    expect(canceled.cancelBooking).toMatchObject({ status: 'canceled', refundCents: quote.totalCents });

    // Book the same nights again, stay, and review once the stay has completed.
    const second = await book(token, propertyId, day(3), day(5));
    expect(await pollUntilSettled(token, second.bookingId)).toMatchObject({ status: 'confirmed' });
    const early = await graphql(
      origin,
      'mutation($bookingId: ID!) { createReview(bookingId: $bookingId, rating: 5, comment: "Too soon") { reviewId } }',
      { token, variables: { bookingId: second.bookingId } },
    );
    expect(refusalsOf(early)).toEqual([{ code: 'UNPROCESSABLE_CONTENT', reason: 'STAY_NOT_COMPLETED' }]);
    clock.set(stayOver);
    await runJobsDueBy(deps, clock);
    const completed = await ok('query($bookingId: ID!) { booking(bookingId: $bookingId) { status } }', {
      token,
      variables: { bookingId: second.bookingId },
    });
    expect(completed.booking).toEqual({ status: 'completed' });
    const reviewed = await ok(
      `mutation($bookingId: ID!) {
        createReview(bookingId: $bookingId, rating: 5, comment: "Bright and quiet.") {
          reviewId rating publishedAt author { firstName } } }`,
      { token, variables: { bookingId: second.bookingId } },
    );
    expect(reviewed.createReview).toMatchObject({
      rating: 5,
      publishedAt: null,
      author: { firstName: 'Gus' },
    });
    const hidden = await ok(
      'query($propertyId: ID!) { property(propertyId: $propertyId) { reviewCount reviews { nodes { comment } } } }',
      {
        variables: { propertyId },
      },
    );
    expect(hidden.property).toEqual({ reviewCount: 0, reviews: { nodes: [] } });
    clock.set(windowClosed);
    await runJobsDueBy(deps, clock);
    const shown = await ok(
      'query($propertyId: ID!) { property(propertyId: $propertyId) { ratingAvg reviewCount address reviews { nodes { comment } } } }',
      { token, variables: { propertyId } },
    );
    expect(shown.property).toMatchObject({
      ratingAvg: 5,
      reviewCount: 1,
      address: '1 Test Street',
      reviews: { nodes: [{ comment: 'Bright and quiet.' }] },
    });

    // Write to the host about the stay, then again in the same conversation.
    const started = await ok(
      `mutation($propertyId: ID!, $bookingId: ID!) {
        startConversation(propertyId: $propertyId, bookingId: $bookingId, messageBody: "Thank you!") {
          conversationId message { messageBody } } }`,
      { token, variables: { propertyId, bookingId: second.bookingId } },
    );
    const { conversationId } = started.startConversation as { conversationId: string };
    const sent = await ok(
      `mutation($conversationId: ID!) {
        sendMessage(conversationId: $conversationId, messageBody: "We left the key inside.") {
          conversationId recipientId messageBody } }`,
      { token, variables: { conversationId } },
    );
    expect(sent.sendMessage).toEqual({
      conversationId,
      recipientId: host.userId,
      messageBody: 'We left the key inside.',
    });
  });
});
