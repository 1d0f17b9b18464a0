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
  });

  it('refuses a batch larger than the configured maximum', async () => {
    const paths = Array.from({ length: 6 }, () => 'health').join(',');
    const res = await fetch(`${origin}/trpc/${paths}?batch=1&input=${encodeURIComponent('{}')}`);
    expect(res.status).toBe(400);
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
