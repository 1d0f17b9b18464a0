import { randomUUID } from 'node:crypto';
import { createMetricsRegistry } from '@stayhub/api/runtime';
import {
  createBooking,
  createProperty,
  createSignedInUser,
  insertPhotos,
  useTestDeps,
} from '@stayhub/api/testing';
import pino from 'pino';
import { afterAll, describe, expect, it } from 'vitest';
import { buildServer, type ServerConfig } from '../../src/app.ts';

/**
 * The golden test of the fast tRPC path (src/trpc-fast-path.ts): every request is sent to a server on the
 * stock adapter and then to one on the fast path, over the same database and cache, and the two answers
 * must match byte for byte — status, body and the headers a client reads. Each case also says which
 * handler the fast server must have used, so a fast path that silently hands everything to the stock
 * adapter fails here too.
 */
const deps = await useTestDeps();
const config: ServerConfig = {
  BODY_LIMIT_BYTES: 1_048_576,
  TRPC_MAX_BATCH_SIZE: 5,
  CORS_ORIGINS: [],
  TRUST_PROXY: false,
};
const fastRegistry = createMetricsRegistry();
const stockServer = await buildServer({
  deps,
  logger: pino({ level: 'silent' }),
  config: { ...config, TRPC_FAST_PATH: false },
});
const fastServer = await buildServer({
  deps,
  logger: pino({ level: 'silent' }),
  config,
  metrics: fastRegistry,
});
afterAll(async () => {
  await Promise.all([stockServer.close(), fastServer.close()]);
});

const host = await createSignedInUser(deps, { role: 'host' });
const guest = await createSignedInUser(deps);
const stranger = await createSignedInUser(deps);
const { propertyId } = await createProperty(deps.db, host.userId, { city: 'Golden City' });
const { propertyId: otherId } = await createProperty(deps.db, host.userId, { city: 'Golden City' });
const { bookingId } = await createBooking(deps.db, {
  propertyId: otherId,
  guestId: guest.userId,
  startDate: '2031-03-01',
  endDate: '2031-03-04',
});

/** superjson's wire form of a plain JSON input. */
const sj = (json: unknown) => ({ json });
const q = (value: unknown) => encodeURIComponent(JSON.stringify(value));
const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

interface Case {
  name: string;
  method: 'GET' | 'POST' | 'HEAD' | 'PUT';
  url: string;
  headers?: Record<string, string>;
  body?: string;
  /** The handler the fast server must answer with. */
  handler: 'fast' | 'stock';
}

const json = { 'content-type': 'application/json' };
const cases: Case[] = [
  {
    name: 'a query',
    method: 'GET',
    url: `/trpc/properties.get?input=${q(sj({ propertyId }))}`,
    handler: 'fast',
  },
  {
    name: 'a query as a batch of one',
    method: 'GET',
    url: `/trpc/properties.get?batch=1&input=${q({ 0: sj({ propertyId }) })}`,
    handler: 'fast',
  },
  {
    name: 'a batch of a hit, a miss and invalid input (207)',
    method: 'GET',
    url: `/trpc/properties.get,properties.get,properties.get?batch=1&input=${q({
      0: sj({ propertyId }),
      1: sj({ propertyId: randomUUID() }),
      2: sj({ propertyId: 'not-a-uuid' }),
    })}`,
    handler: 'fast',
  },
  {
    name: 'a NOT_FOUND',
    method: 'GET',
    url: `/trpc/properties.get?input=${q(sj({ propertyId: randomUUID() }))}`,
    handler: 'fast',
  },
  {
    name: 'invalid input with field errors',
    method: 'GET',
    url: `/trpc/properties.search?input=${q(sj({ limit: 10_000, guests: -1 }))}`,
    handler: 'fast',
  },
  {
    name: 'a search',
    method: 'GET',
    url: `/trpc/properties.search?input=${q(sj({ text: 'Golden City', limit: 5 }))}`,
    handler: 'fast',
  },
  {
    name: 'a query with no input where one is optional',
    method: 'GET',
    url: '/trpc/properties.search',
    handler: 'fast',
  },
  { name: 'an authed query without a token (401)', method: 'GET', url: '/trpc/users.me', handler: 'fast' },
  {
    name: 'an authed query with a token',
    method: 'GET',
    url: '/trpc/users.me',
    headers: bearer(guest.token),
    handler: 'fast',
  },
  {
    name: 'an authed query with a token that is not a session',
    method: 'GET',
    url: '/trpc/users.me',
    headers: bearer('not-a-real-token'),
    handler: 'fast',
  },
  {
    name: "a stranger's booking (NOT_FOUND, not FORBIDDEN)",
    method: 'GET',
    url: `/trpc/bookings.get?input=${q(sj({ bookingId }))}`,
    headers: bearer(stranger.token),
    handler: 'fast',
  },
  {
    name: 'a batch of two procedures with a token',
    method: 'GET',
    url: `/trpc/users.me,bookings.get?batch=1&input=${q({ 1: sj({ bookingId }) })}`,
    headers: bearer(guest.token),
    handler: 'fast',
  },
  {
    name: 'a mutation that fails validation',
    method: 'POST',
    url: '/trpc/auth.login',
    headers: json,
    body: JSON.stringify(sj({ email: 'nobody', password: '' })),
    handler: 'fast',
  },
  {
    name: 'a batch of mutations with a domain error',
    method: 'POST',
    url: '/trpc/bookings.cancel,bookings.cancel?batch=1',
    headers: { ...json, ...bearer(guest.token) },
    body: JSON.stringify({ 0: sj({ bookingId: randomUUID() }), 1: sj({ bookingId: 'x' }) }),
    handler: 'fast',
  },
  {
    name: 'a mutation with a charset in its content type',
    method: 'POST',
    url: '/trpc/auth.logout',
    headers: { 'content-type': 'Application/JSON; charset=utf-8' },
    handler: 'fast',
  },
  // What the fast path leaves to the stock adapter: the answers must still be the adapter's own.
  { name: 'an unknown procedure', method: 'GET', url: '/trpc/properties.nope', handler: 'stock' },
  {
    name: 'a batch naming an unknown procedure',
    method: 'GET',
    url: `/trpc/properties.get,nope.nope?batch=1&input=${q({ 0: sj({ propertyId }) })}`,
    handler: 'stock',
  },
  { name: 'a mutation over GET (405)', method: 'GET', url: '/trpc/auth.logout', handler: 'stock' },
  {
    name: 'a query over POST (405)',
    method: 'POST',
    url: '/trpc/users.me',
    headers: json,
    body: '{}',
    handler: 'stock',
  },
  {
    name: 'input that is not JSON',
    method: 'GET',
    url: '/trpc/properties.get?input=%7Bnot-json',
    handler: 'stock',
  },
  {
    name: 'a batch whose input is not an object',
    method: 'GET',
    url: `/trpc/properties.get?batch=1&input=${q([sj({ propertyId })])}`,
    handler: 'stock',
  },
  {
    name: 'mixed query and mutation in a batch',
    method: 'POST',
    url: '/trpc/users.me,auth.logout?batch=1',
    headers: json,
    body: '{}',
    handler: 'stock',
  },
  {
    name: 'a POST without a content type',
    method: 'POST',
    url: '/trpc/auth.logout',
    handler: 'stock',
  },
  {
    name: 'a streaming (jsonl) batch',
    method: 'GET',
    url: `/trpc/properties.get?batch=1&input=${q({ 0: sj({ propertyId }) })}`,
    headers: { 'trpc-accept': 'application/jsonl' },
    handler: 'stock',
  },
  {
    name: 'a malformed escape in the path',
    method: 'GET',
    url: '/trpc/properties.get%25E0%25A4%25A',
    handler: 'stock',
  },
  { name: 'HEAD', method: 'HEAD', url: '/trpc/users.me', handler: 'stock' },
];

async function handlerCounts(): Promise<Record<string, number>> {
  const metric = await fastRegistry.getSingleMetric('stayhub_trpc_handler_requests_total')?.get();
  return Object.fromEntries((metric?.values ?? []).map((v) => [String(v.labels.handler), v.value]));
}

const READ_HEADERS = ['content-type', 'vary', 'retry-after', 'allow'] as const;

async function answer(server: typeof fastServer, request: Case) {
  const response = await server.inject({
    method: request.method,
    url: request.url,
    headers: request.headers ?? {},
    ...(request.body === undefined ? {} : { payload: request.body }),
  });
  return {
    status: response.statusCode,
    body: response.body,
    headers: Object.fromEntries(READ_HEADERS.map((name) => [name, response.headers[name] ?? null])),
  };
}

describe('the fast tRPC path', () => {
  it.each(cases)('answers $name exactly as the stock adapter does', async (request) => {
    const stock = await answer(stockServer, request);
    const before = await handlerCounts();
    const fast = await answer(fastServer, request);
    const after = await handlerCounts();

    expect(fast).toEqual(stock);
    expect((after[request.handler] ?? 0) - (before[request.handler] ?? 0)).toBe(1);
  });

  it('answers a rate-limited call with the same status, body and retry-after as the stock adapter', async () => {
    const email = `limited-${randomUUID()}@example.test`;
    const login: Case = {
      name: 'login',
      method: 'POST',
      url: '/trpc/auth.login',
      headers: json,
      body: JSON.stringify(sj({ email, password: 'wrong password, again and again' })),
      handler: 'fast',
    };
    let stock = await answer(stockServer, login);
    for (let attempt = 0; attempt < 50 && stock.status !== 429; attempt++) {
      stock = await answer(stockServer, login);
    }
    expect(stock.status).toBe(429);
    const fast = await answer(fastServer, login);
    // The wait left shrinks between the two answers: its milliseconds (and at a second's edge, the header's
    // whole seconds) are the one thing allowed to differ.
    const waitMs = /"retryAfterMs":(\d+)/;
    expect(fast.body).toMatch(waitMs);
    const withoutWait = (body: string) => body.replace(waitMs, '"retryAfterMs":0');
    expect(withoutWait(fast.body)).toBe(withoutWait(stock.body));
    expect(fast.status).toBe(stock.status);
    const seconds = (answered: typeof fast) => Number(answered.headers['retry-after']);
    expect(seconds(fast)).toBeGreaterThan(0);
    expect(Math.abs(seconds(fast) - seconds(stock))).toBeLessThanOrEqual(1);
    expect({ ...fast.headers, 'retry-after': null }).toEqual({ ...stock.headers, 'retry-after': null });
  });

  it('matches the stock adapter on a successful mutation replayed by its idempotency key', async () => {
    const { propertyId: bookable } = await createProperty(deps.db, host.userId, { instant_book: true });
    const create: Case = {
      name: 'create',
      method: 'POST',
      url: '/trpc/bookings.create',
      headers: { ...json, ...bearer(guest.token) },
      body: JSON.stringify(
        sj({
          propertyId: bookable,
          startDate: '2031-06-01',
          endDate: '2031-06-04',
          guests: 2,
          idempotencyKey: randomUUID(),
          paymentMethod: 'credit_card',
          paymentToken: 'tok_visa',
        }),
      ),
      handler: 'fast',
    };
    const stock = await answer(stockServer, create);
    expect(stock.status).toBe(200);
    expect(await answer(fastServer, create)).toEqual(stock);
  });

  it("sends an anonymous caller's public answer again from kept bytes, and never after a write retired it", async () => {
    const { propertyId: kept } = await createProperty(deps.db, host.userId, { name: 'Kept, first name' });
    await insertPhotos(deps, kept, 1);
    const get: Case = {
      name: 'get',
      method: 'GET',
      url: `/trpc/properties.get?input=${q(sj({ propertyId: kept }))}`,
      handler: 'fast',
    };
    const search: Case = {
      name: 'search',
      method: 'GET',
      url: `/trpc/properties.search?input=${q(sj({ text: 'Kept, first name', limit: 5 }))}`,
      handler: 'fast',
    };
    const hits = async () => {
      const metric = await fastRegistry.getSingleMetric('stayhub_trpc_kept_answers_total')?.get();
      return metric?.values.find((v) => v.labels.result === 'hit')?.value ?? 0;
    };
    const first = await answer(fastServer, get);
    const firstSearch = await answer(fastServer, search);
    const before = await hits();
    expect(await answer(fastServer, get)).toEqual(first);
    expect(await answer(fastServer, search)).toEqual(firstSearch);
    expect((await hits()) - before).toBe(2);
    // Byte for byte what the stock adapter answers, kept or not.
    expect(await answer(stockServer, get)).toEqual(first);
    expect(await answer(stockServer, search)).toEqual(firstSearch);
    // A signed-in caller is always answered by the procedure.
    const signedInBefore = await hits();
    await answer(fastServer, { ...get, headers: bearer(guest.token) });
    expect(await hits()).toBe(signedInBefore);

    const renamed = await answer(fastServer, {
      name: 'rename',
      method: 'POST',
      url: '/trpc/properties.update',
      headers: { ...json, ...bearer(host.token) },
      body: JSON.stringify(sj({ propertyId: kept, name: 'Kept, second name' })),
      handler: 'fast',
    });
    expect(renamed.status).toBe(200);
    const after = await answer(fastServer, get);
    expect(after.body).toContain('Kept, second name');
    expect(after).toEqual(await answer(stockServer, get));
    const searchAfter = await answer(fastServer, search);
    expect(searchAfter.body).not.toContain('Kept, first name"');
    expect(searchAfter).toEqual(await answer(stockServer, search));
  });
});
