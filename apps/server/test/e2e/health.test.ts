import { connect } from 'node:net';
import { useTestDeps } from '@stayhub/api/testing';
import { createStayHubClient } from '@stayhub/sdk';
import pino from 'pino';
import { afterAll, describe, expect, it } from 'vitest';
import { buildServer } from '../../src/app.ts';

const deps = await useTestDeps();
const app = await buildServer({
  deps,
  logger: pino({ level: 'silent' }),
  config: {
    BODY_LIMIT_BYTES: 1_024 * 64,
    TRPC_MAX_BATCH_SIZE: 5,
    CORS_ORIGINS: ['http://app.example'],
    TRUST_PROXY: false,
  },
});
const origin = await app.listen({ host: '127.0.0.1', port: 0 });
afterAll(() => app.close());

/** The tRPC error envelope's code, status and reason: every refusal, from tRPC or before it, has one. */
async function refusalOf(res: Response) {
  const body = (await res.json()) as {
    error: { json: { data: { code: string; httpStatus: number; reason: string } } };
  };
  const { code, httpStatus, reason } = body.error.json.data;
  return { code, httpStatus, reason };
}

/** One request written to the socket as is, and everything the server answers until it closes. */
async function rawRequest(request: string): Promise<string> {
  const { port } = new URL(origin);
  const socket = connect(Number(port), '127.0.0.1');
  socket.write(request);
  let answer = '';
  for await (const chunk of socket) answer += String(chunk);
  return answer;
}

describe('the HTTP server', () => {
  it('answers health through the SDK client', async () => {
    const client = createStayHubClient({ url: origin });
    const health = await client.health.query();
    expect(health).toMatchObject({ status: 'ok', database: true, cache: true });
    expect(health.time).toBeInstanceOf(Date);
  });

  it('serves liveness and readiness probes', async () => {
    const live = await fetch(`${origin}/healthz`);
    expect(live.status).toBe(200);
    const ready = await fetch(`${origin}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ ready: true, database: true, cache: true });
  });

  it('echoes a request id, or makes one', async () => {
    const given = await fetch(`${origin}/healthz`, { headers: { 'x-request-id': 'req-abc_123' } });
    expect(given.headers.get('x-request-id')).toBe('req-abc_123');
    const made = await fetch(`${origin}/healthz`, { headers: { 'x-request-id': 'bad id with spaces' } });
    expect(made.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('refuses a body over the size limit with 413', async () => {
    const res = await fetch(`${origin}/trpc/health`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ padding: 'x'.repeat(1_024 * 65) }),
    });
    expect(res.status).toBe(413);
    expect(await refusalOf(res)).toEqual({
      code: 'PAYLOAD_TOO_LARGE',
      httpStatus: 413,
      reason: 'PAYLOAD_TOO_LARGE',
    });
  });

  it('refuses a body in a media type it does not read with 415 UNSUPPORTED_MEDIA_TYPE', async () => {
    for (const type of ['application/xml', 'text/plain']) {
      const res = await fetch(`${origin}/trpc/auth.login`, {
        method: 'POST',
        headers: { 'content-type': type },
        body: '<a/>',
      });
      expect(res.status).toBe(415);
      expect(await refusalOf(res)).toEqual({
        code: 'UNSUPPORTED_MEDIA_TYPE',
        httpStatus: 415,
        reason: 'UNSUPPORTED_MEDIA_TYPE',
      });
    }
  });

  it('refuses a method tRPC does not take with 405 METHOD_NOT_ALLOWED', async () => {
    const res = await fetch(`${origin}/trpc/auth.login`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: '{}',
    });
    expect(res.status).toBe(405);
    expect(await refusalOf(res)).toEqual({
      code: 'METHOD_NOT_SUPPORTED',
      httpStatus: 405,
      reason: 'METHOD_NOT_ALLOWED',
    });
  });

  it('refuses headers over the limit with 431 HEADERS_TOO_LARGE', async () => {
    const answer = await rawRequest(
      `GET /healthz HTTP/1.1\r\nhost: x\r\nx-big: ${'a'.repeat(20_000)}\r\n\r\n`,
    );
    expect(answer.split('\r\n')[0]).toBe('HTTP/1.1 431 Request Header Fields Too Large');
    const body = JSON.parse(answer.slice(answer.indexOf('\r\n\r\n') + 4));
    expect(body.error.json.data).toMatchObject({ httpStatus: 431, reason: 'HEADERS_TOO_LARGE' });
  });

  it('refuses a batch larger than the configured maximum', async () => {
    const paths = Array.from({ length: 6 }, () => 'health').join(',');
    const res = await fetch(`${origin}/trpc/${paths}?batch=1&input=${encodeURIComponent('{}')}`);
    expect(res.status).toBe(400);
    expect(await refusalOf(res)).toEqual({ code: 'BAD_REQUEST', httpStatus: 400, reason: 'BATCH_TOO_LARGE' });
    const withinLimit = Array.from({ length: 5 }, () => 'health').join(',');
    expect(
      (await fetch(`${origin}/trpc/${withinLimit}?batch=1&input=${encodeURIComponent('{}')}`)).status,
    ).toBe(200);
  });

  it('answers CORS preflights for listed origins only', async () => {
    const allowed = await fetch(`${origin}/trpc/health`, {
      method: 'OPTIONS',
      headers: { origin: 'http://app.example', 'access-control-request-method': 'GET' },
    });
    expect(allowed.headers.get('access-control-allow-origin')).toBe('http://app.example');
    const other = await fetch(`${origin}/trpc/health`, {
      method: 'OPTIONS',
      headers: { origin: 'http://evil.example', 'access-control-request-method': 'GET' },
    });
    expect(other.headers.get('access-control-allow-origin')).toBeNull();
  });
});
