import { describe, expect, it } from 'vitest';
import { createStayHubClient, errorReason, fieldErrors, isStayHubError } from '../../src/index.ts';

/** A server that answers every batched call with `body` (as tRPC + superjson would put it on the wire). */
function answering(status: number, body: unknown) {
  const requests: { url: string; headers: Headers }[] = [];
  const fetch: typeof globalThis.fetch = async (input, init) => {
    requests.push({ url: String(input), headers: new Headers(init?.headers) });
    return new Response(JSON.stringify([body]), { status, headers: { 'content-type': 'application/json' } });
  };
  return { fetch, requests };
}

function serverError(data: Record<string, unknown>) {
  return { error: { json: { message: 'refused', code: -32600, data: { path: 'x', ...data } } } };
}

describe('the SDK client', () => {
  it('sends the current token as a bearer header and decodes superjson Dates', async () => {
    const time = '2030-01-01T00:00:00.000Z';
    const server = answering(200, {
      result: {
        data: {
          json: { status: 'ok', database: true, cache: true, time },
          meta: { values: { time: ['Date'] } },
        },
      },
    });
    let token: string | null = 'first';
    const client = createStayHubClient({ url: 'http://api.test', token: () => token, fetch: server.fetch });
    const health = await client.health.query();
    expect(health.time).toEqual(new Date(time));
    token = null;
    await client.health.query();
    expect(server.requests.map((r) => r.headers.get('authorization'))).toEqual(['Bearer first', null]);
    expect(server.requests[0]?.url).toMatch(/^http:\/\/api\.test\/trpc\/health\?batch=1/);
  });
});

describe('the typed error helpers', () => {
  it('read the reason and field errors of a validation error', async () => {
    const server = answering(
      400,
      serverError({
        code: 'BAD_REQUEST',
        httpStatus: 400,
        reason: 'VALIDATION_FAILED',
        fieldErrors: [{ path: 'bbox.minLat', message: 'Too small' }],
        retryAfterMs: null,
      }),
    );
    const client = createStayHubClient({ url: 'http://api.test', fetch: server.fetch });
    const error = await client.properties.search.query({}).catch((cause: unknown) => cause);
    expect(isStayHubError(error)).toBe(true);
    expect(errorReason(error)).toBe('VALIDATION_FAILED');
    expect(fieldErrors(error)).toEqual([{ path: 'bbox.minLat', message: 'Too small' }]);
  });

  it('give no field errors for a rule violation, and expose retryAfterMs when rate limited', async () => {
    const server = answering(
      429,
      serverError({
        code: 'TOO_MANY_REQUESTS',
        httpStatus: 429,
        reason: 'RATE_LIMITED',
        fieldErrors: null,
        retryAfterMs: 30_000,
      }),
    );
    const client = createStayHubClient({ url: 'http://api.test', fetch: server.fetch });
    const error = await client.auth.login
      .mutate({ email: 'a@b.test', password: 'x' })
      .catch((e: unknown) => e);
    expect(errorReason(error)).toBe('RATE_LIMITED');
    expect(fieldErrors(error)).toEqual([]);
    expect(isStayHubError(error) && error.data.retryAfterMs).toBe(30_000);
  });

  it('recognise nothing but server errors: not network failures, plain errors or other values', async () => {
    const offline: typeof globalThis.fetch = async () => {
      throw new TypeError('fetch failed');
    };
    const client = createStayHubClient({ url: 'http://api.test', fetch: offline });
    const network = await client.health.query().catch((cause: unknown) => cause);
    for (const value of [network, new Error('boom'), 'text', null, { data: { reason: 'EMAIL_TAKEN' } }]) {
      expect(isStayHubError(value)).toBe(false);
      expect(errorReason(value)).toBeUndefined();
      expect(fieldErrors(value)).toEqual([]);
    }
  });
});
