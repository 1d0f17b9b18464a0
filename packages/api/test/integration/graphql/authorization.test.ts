import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { graphqlSchema } from '../../../src/graphql/schema.ts';
import { ManualClock } from '../../../src/infra/clock.ts';
import { createBooking, createProperty, signedIn, useTestDeps } from '../../../src/testing/index.ts';
import {
  accessMatrix,
  type IdMatrixRow,
  type Outcome,
  type ProcedurePath,
} from '../authorization/access-matrix.ts';
import {
  buildWorld,
  type StrangerKind,
  strangerKinds,
  TODAY_INSTANT,
  type World,
} from '../authorization/world.ts';
import { runGraphQL } from './support.ts';

/**
 * One authorization truth (SPEC §8): every GraphQL field and mutation that takes an owner's id answers each
 * stranger exactly as the tRPC authorization matrix says the matching procedure does — NOT_FOUND for a row
 * they may not see, the same answer for an id that names nothing — and lets the owner through. The
 * expectations are read from access-matrix.ts itself, not restated.
 */
const deps = await useTestDeps({ clock: new ManualClock(TODAY_INSTANT) });

type Tokens = Record<StrangerKind, string | null>;

async function strangerTokens(): Promise<Tokens> {
  return {
    anonymous: null,
    guest: (await signedIn(deps, 'guest')).token,
    host: (await signedIn(deps, 'host')).token,
    suspended: (await signedIn(deps, 'admin', { status: 'suspended' })).token,
    admin: (await signedIn(deps, 'admin')).token,
  };
}

interface Case {
  /** The tRPC procedure whose matrix row this GraphQL call must answer like. */
  path: ProcedurePath;
  query: string;
  /** The GraphQL variables for the procedure's input (the argument names are the input's). */
  variables?: (input: Record<string, unknown>) => Record<string, unknown>;
  /** Writes: a world of its own, strangers first, the admin last. */
  writes?: boolean;
}

const cases: Case[] = [
  {
    path: 'properties.get',
    query: 'query($propertyId: ID!) { property(propertyId: $propertyId) { propertyId address } }',
  },
  {
    path: 'properties.calendar',
    query: `query($propertyId: ID!, $from: String!, $to: String!) {
      property(propertyId: $propertyId) { calendar(from: $from, to: $to) { days { date status } } } }`,
  },
  {
    path: 'reviews.listForProperty',
    query: 'query($propertyId: ID!) { property(propertyId: $propertyId) { reviews { nodes { reviewId } } } }',
  },
  {
    path: 'bookings.quote',
    query: `query($propertyId: ID!, $startDate: String!, $endDate: String!, $guests: Int!) {
      quote(propertyId: $propertyId, startDate: $startDate, endDate: $endDate, guests: $guests) { totalCents } }`,
  },
  {
    path: 'bookings.get',
    query: 'query($bookingId: ID!) { booking(bookingId: $bookingId) { bookingId status } }',
  },
  {
    path: 'payments.listForBooking',
    query: 'query($bookingId: ID!) { booking(bookingId: $bookingId) { payments { paymentId } } }',
  },
  {
    path: 'bookings.cancellationPreview',
    query:
      'query($bookingId: ID!) { booking(bookingId: $bookingId) { cancellationPreview { refundCents } } }',
  },
  { path: 'users.profile', query: 'query($userId: ID!) { user(userId: $userId) { userId firstName } }' },
  {
    path: 'bookings.create',
    query: 'mutation($input: CreateBookingInput!) { createBooking(input: $input) { bookingId } }',
    variables: (input) => ({ input: { ...input, idempotencyKey: randomUUID() } }),
    writes: true,
  },
  {
    path: 'bookings.cancel',
    query:
      'mutation($bookingId: ID!, $reason: String) { cancelBooking(bookingId: $bookingId, reason: $reason) { status } }',
    writes: true,
  },
  {
    path: 'reviews.create',
    query: `mutation($bookingId: ID!, $rating: Int!, $comment: String!) {
      createReview(bookingId: $bookingId, rating: $rating, comment: $comment) { reviewId } }`,
    writes: true,
  },
  {
    path: 'messages.start',
    query: `mutation($propertyId: ID!, $bookingId: ID, $messageBody: String!) {
      startConversation(propertyId: $propertyId, bookingId: $bookingId, messageBody: $messageBody) { conversationId } }`,
    writes: true,
  },
  {
    path: 'messages.send',
    query: `mutation($conversationId: ID!, $messageBody: String!) {
      sendMessage(conversationId: $conversationId, messageBody: $messageBody) { messageId } }`,
    writes: true,
  },
];

function idRow(path: ProcedurePath): IdMatrixRow {
  const row = accessMatrix[path];
  if (row.ids === undefined) throw new Error(`${path} has no id row in the matrix`);
  return row;
}

const inputOf = (row: IdMatrixRow, world: World): Record<string, unknown> => {
  const input: unknown = row.input(world);
  return typeof input === 'object' && input !== null ? Object.fromEntries(Object.entries(input)) : {};
};

/** What a GraphQL caller saw: 'ok', or the code and reason of the (first) error. */
type Seen = 'ok' | { code: unknown; reason: unknown };

async function seen(query: string, variables: Record<string, unknown>, token: string | null): Promise<Seen> {
  const answer = await runGraphQL(deps, query, { variables, token });
  const [first] = answer.errors;
  if (!first) return 'ok';
  return { code: first.extensions?.code, reason: first.extensions?.reason };
}

const expected = (outcome: Outcome): Seen => (outcome === 'acts' ? 'ok' : outcome);

describe('GraphQL answers strangers as the tRPC authorization matrix does', () => {
  let world: World;
  let tokens: Tokens;
  beforeAll(async () => {
    world = await buildWorld(deps);
    tokens = await strangerTokens();
  });

  it.each(cases.map((entry) => [entry.path, entry] as const))(
    '%s: each stranger gets what the matrix says, and the owner gets through',
    async (path, entry) => {
      const row = idRow(path);
      const own = entry.writes ? await buildWorld(deps) : world;
      const variables = () => (entry.variables ?? ((input) => input))(inputOf(row, own));
      const owner = row.ownerMay ? own[row.ownerMay].token : undefined;
      // The owner first for reads (proves the document good); after the strangers for writes.
      if (owner && !entry.writes) expect(await seen(entry.query, variables(), owner)).toBe('ok');
      for (const kind of strangerKinds) {
        const outcome = await seen(entry.query, variables(), tokens[kind]);
        expect({ kind, outcome }).toEqual({ kind, outcome: expected(row.access[kind]) });
      }
      if (owner && entry.writes && row.access.admin !== 'acts') {
        expect(await seen(entry.query, variables(), owner)).toBe('ok');
      }
    },
  );

  it.each(
    cases
      .filter((entry) => !entry.writes && entry.path !== 'users.profile')
      .map((entry) => [entry.path, entry] as const),
  )('%s: answers an id that names nothing exactly as it answers someone else’s', async (path, entry) => {
    const row = idRow(path);
    for (const kind of strangerKinds) {
      const outcome = row.access[kind];
      if (outcome === 'ok' || outcome === 'acts' || outcome.code !== 'NOT_FOUND') continue;
      const input = inputOf(row, world);
      const unknown = Object.fromEntries(
        Object.entries(input).map(([field, value]) => [field, field in row.ids ? randomUUID() : value]),
      );
      const variables = entry.variables ?? ((given: Record<string, unknown>) => given);
      expect(await seen(entry.query, variables(unknown), tokens[kind])).toEqual(
        await seen(entry.query, variables(input), tokens[kind]),
      );
    }
  });
});

describe('privacy over GraphQL', () => {
  it('shows a listed place’s address only to its host and a guest with a confirmed stay, as properties.get does', async () => {
    const host = await signedIn(deps, 'host');
    const guest = await signedIn(deps, 'guest');
    const stranger = await signedIn(deps, 'guest');
    const { propertyId } = await createProperty(deps.db, host.userId, { address: '9 Secret Lane' });
    await createBooking(deps.db, {
      propertyId,
      guestId: guest.userId,
      startDate: '2031-06-01',
      endDate: '2031-06-04',
      status: 'confirmed',
    });
    const query =
      'query($propertyId: ID!) { property(propertyId: $propertyId) { address lat lng exactLocation } }';
    for (const viewer of [null, stranger, guest, host]) {
      const answer = await runGraphQL(deps, query, {
        variables: { propertyId },
        token: viewer?.token ?? null,
      });
      const viaTrpc = await (viewer?.caller ?? (await signedIn(deps, 'guest')).caller).properties.get({
        propertyId,
      });
      const fromTrpc = viewer
        ? {
            address: viaTrpc.address,
            lat: viaTrpc.lat,
            lng: viaTrpc.lng,
            exactLocation: viaTrpc.exactLocation,
          }
        : { address: null, lat: viaTrpc.lat, lng: viaTrpc.lng, exactLocation: false };
      expect(answer.data?.property).toEqual(fromTrpc);
    }
  });

  it('has no email or phone on any type but Me', () => {
    const exposing = Object.values(graphqlSchema.getTypeMap())
      .filter((type) => 'getFields' in type && type.name !== 'Me' && !type.name.startsWith('__'))
      .filter(
        (type) => 'getFields' in type && ['email', 'phoneNumber'].some((field) => field in type.getFields()),
      )
      .map((type) => type.name);
    // RegisterInput takes an email and a phone number; no output type but Me shows them.
    expect(exposing).toEqual(['RegisterInput']);
  });

  it('answers `me` with the caller’s own email, never anyone else’s', async () => {
    const user = await signedIn(deps, 'guest');
    const answer = await runGraphQL(deps, '{ me { userId email } }', { token: user.token });
    expect(answer.data).toEqual({ me: { userId: user.userId, email: user.email } });
  });
});
