import { randomUUID } from 'node:crypto';
import { createProperty, createSignedInUser, useTestDeps } from '@stayhub/api/testing';
import pino from 'pino';
import { afterAll, describe, expect, it } from 'vitest';
import { buildServer } from '../../src/app.ts';

/**
 * The REST surface's HTTP behaviour (SPEC §8): statuses and the `{ code, reason, message, fieldErrors? }`
 * body for each kind of refusal, typed query parameters, keyset pages, retry-after, the body limit, and
 * the request metrics — the host's limits and hooks apply to /api/v1 as to /trpc.
 */

const deps = await useTestDeps();
const app = await buildServer({
  deps,
  logger: pino({ level: 'silent' }),
  config: { BODY_LIMIT_BYTES: 4_096, TRPC_MAX_BATCH_SIZE: 5, CORS_ORIGINS: [], TRUST_PROXY: false },
});
afterAll(() => app.close());

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

describe('REST errors', () => {
  it('answers invalid query parameters with 400 VALIDATION_FAILED and the field paths', async () => {
    const response = await app.inject({ url: '/api/v1/properties?guests=two&limit=500' });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ code: 'BAD_REQUEST', reason: 'VALIDATION_FAILED' });
    expect(
      response
        .json()
        .fieldErrors.map((field: { path: string }) => field.path)
        .sort(),
    ).toEqual(['guests', 'limit']);
  });

  it('answers a missing or bad bearer token with 401 and a stranger’s id with 404, never 403', async () => {
    const missing = await app.inject({ url: `/api/v1/bookings/${randomUUID()}` });
    expect(missing.statusCode).toBe(401);
    expect(missing.json()).toEqual({
      code: 'UNAUTHORIZED',
      reason: 'UNAUTHENTICATED',
      message: expect.any(String),
    });
    const stranger = await createSignedInUser(deps);
    const unknown = await app.inject({
      url: `/api/v1/bookings/${randomUUID()}`,
      headers: bearer(stranger.token),
    });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json()).toMatchObject({ code: 'NOT_FOUND', reason: 'NOT_FOUND' });
    const guestAsHost = await app.inject({ url: '/api/v1/host/bookings', headers: bearer(stranger.token) });
    expect(guestAsHost.statusCode).toBe(403);
    expect(guestAsHost.json()).toMatchObject({ code: 'FORBIDDEN', reason: 'FORBIDDEN' });
  });

  it('answers a rule with 422, a conflict with 409 and a path nobody serves with 404', async () => {
    const host = await createSignedInUser(deps, { role: 'host' });
    const { propertyId } = await createProperty(deps.db, host.userId);
    const own = await app.inject({
      url: `/api/v1/properties/${propertyId}/quote?startDate=2031-05-01&endDate=2031-05-04&guests=2`,
      headers: bearer(host.token),
    });
    expect(own.statusCode).toBe(200);
    expect(own.json()).toMatchObject({ available: false, unavailableReason: 'OWN_PROPERTY' });
    const book = await app.inject({
      method: 'POST',
      url: '/api/v1/bookings',
      headers: bearer(host.token),
      payload: {
        propertyId,
        startDate: '2031-05-01',
        endDate: '2031-05-04',
        guests: 2,
        paymentMethod: 'credit_card',
        paymentToken: 'tok_visa',
        idempotencyKey: randomUUID(),
      },
    });
    expect(book.statusCode).toBe(422);
    expect(book.json()).toMatchObject({ code: 'UNPROCESSABLE_CONTENT', reason: 'OWN_PROPERTY' });

    const email = `taken-${randomUUID().slice(0, 8)}@example.test`;
    const account = { email, password: 'lantern-meadow-orbit-7', firstName: 'Ana', lastName: 'Rest' };
    expect(
      (await app.inject({ method: 'POST', url: '/api/v1/auth/register', payload: account })).statusCode,
    ).toBe(200);
    const again = await app.inject({ method: 'POST', url: '/api/v1/auth/register', payload: account });
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ code: 'CONFLICT', reason: 'EMAIL_TAKEN' });

    const tooShort = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/register',
      payload: { ...account, email: `x${email}`, password: 'short' },
    });
    expect(tooShort.statusCode).toBe(400);

    const nowhere = await app.inject({ url: '/api/v1/nothing/here' });
    expect(nowhere.statusCode).toBe(404);
    expect(nowhere.json()).toMatchObject({ code: 'NOT_FOUND', reason: 'NOT_FOUND' });
  });

  it('answers too many logins with 429 RATE_LIMITED and a retry-after header', async () => {
    const email = `limited-${randomUUID().slice(0, 8)}@example.test`;
    const statuses: number[] = [];
    let last = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email, password: 'wrong-password-1' },
    });
    statuses.push(last.statusCode);
    for (let attempt = 0; attempt < 6 && last.statusCode !== 429; attempt += 1) {
      last = await app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { email, password: 'wrong-password-1' },
      });
      statuses.push(last.statusCode);
    }
    expect(statuses.slice(0, 2)).toEqual([401, 401]);
    expect(last.statusCode).toBe(429);
    expect(last.json()).toMatchObject({ code: 'TOO_MANY_REQUESTS', reason: 'RATE_LIMITED' });
    expect(Number(last.headers['retry-after'])).toBeGreaterThan(0);
  });

  it('refuses a body over the limit with 413 and one that is not JSON with 400, in the REST shape', async () => {
    const large = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      headers: { 'content-type': 'application/json' },
      payload: JSON.stringify({ email: 'a@example.test', password: 'x'.repeat(5_000) }),
    });
    expect(large.statusCode).toBe(413);
    expect(large.json()).toMatchObject({ code: 'PAYLOAD_TOO_LARGE', reason: 'PAYLOAD_TOO_LARGE' });
    const broken = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      headers: { 'content-type': 'application/json' },
      payload: '{"email":',
    });
    expect(broken.statusCode).toBe(400);
    expect(broken.json()).toMatchObject({ code: 'BAD_REQUEST', reason: 'VALIDATION_FAILED' });
  });
});

describe('REST reads', () => {
  it('pages with ?cursor=&limit= and nextCursor in the body, dates as ISO strings', async () => {
    const host = await createSignedInUser(deps, { role: 'host' });
    for (let index = 0; index < 3; index += 1) await createProperty(deps.db, host.userId);
    const seen: string[] = [];
    let cursor = '';
    for (let page = 0; page < 5; page += 1) {
      const response = await app.inject({
        url: `/api/v1/users/me/properties?limit=2&cursor=${encodeURIComponent(cursor)}`,
        headers: bearer(host.token),
      });
      expect(response.statusCode).toBe(200);
      const body = response.json();
      for (const item of body.items) {
        seen.push(item.propertyId);
        expect(item.createdAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/);
      }
      if (body.nextCursor === null) break;
      cursor = body.nextCursor;
    }
    expect(seen).toHaveLength(3);
    expect(new Set(seen).size).toBe(3);
  });

  it('counts REST calls in the request metrics under their procedure', async () => {
    await app.inject({ url: `/api/v1/properties/${randomUUID()}` });
    const metrics = (await app.inject({ url: '/metrics' })).body;
    expect(metrics).toMatch(
      /stayhub_http_requests_total\{procedure="properties\.get",code="NOT_FOUND"\} [1-9]/,
    );
  });
});
