import { useTestDeps } from '@stayhub/api/testing';
import { createStayHubClient } from '@stayhub/sdk';
import pino from 'pino';
import { afterAll, describe, expect, it } from 'vitest';
import { buildServer } from '../../src/app.ts';

const deps = await useTestDeps();
const app = await buildServer({
  deps,
  logger: pino({ level: 'silent' }),
  // As behind a reverse proxy on loopback: X-Forwarded-For is trusted from 127.0.0.1.
  config: {
    BODY_LIMIT_BYTES: 1_024 * 64,
    TRPC_MAX_BATCH_SIZE: 5,
    CORS_ORIGINS: [],
    TRUST_PROXY: ['127.0.0.1'],
  },
});
const origin = await app.listen({ host: '127.0.0.1', port: 0 });
afterAll(() => app.close());

const password = 'lantern-meadow-orbit-7';

describe('accounts over HTTP', () => {
  it('registers, signs in, reads me, signs out, and then refuses the old token', async () => {
    const email = `e2e-${Date.now().toString(36)}@example.test`;
    const anonymous = createStayHubClient({ url: origin });

    const registered = await anonymous.auth.register.mutate({
      email,
      password,
      firstName: 'Edna',
      lastName: 'Mode',
    });
    expect(registered.user).toMatchObject({ email, role: 'guest', emailVerifiedAt: null });
    expect(registered.user.createdAt).toBeInstanceOf(Date);

    const { token, user } = await anonymous.auth.login.mutate({ email: email.toUpperCase(), password });
    expect(user.userId).toBe(registered.user.userId);

    let current: string | null = token;
    const client = createStayHubClient({ url: origin, token: () => current });
    await expect(client.users.me.query()).resolves.toMatchObject({ userId: user.userId, email });
    const { items } = await client.auth.sessions.query();
    expect(items).toHaveLength(2);
    expect(items.find((s) => s.current)).toMatchObject({ ip: '127.0.0.1' });

    await expect(client.auth.logout.mutate()).resolves.toEqual({ ok: true });

    await expect(client.users.me.query()).rejects.toMatchObject({
      data: { code: 'UNAUTHORIZED', reason: 'UNAUTHENTICATED' },
    });
    current = registered.token;
    await expect(client.users.me.query()).resolves.toMatchObject({ userId: user.userId });
  });

  it('answers a wrong password with UNAUTHORIZED INVALID_CREDENTIALS', async () => {
    const client = createStayHubClient({ url: origin });
    await expect(
      client.auth.login.mutate({ email: 'nobody@example.test', password: 'not-a-password' }),
    ).rejects.toMatchObject({ data: { code: 'UNAUTHORIZED', reason: 'INVALID_CREDENTIALS' } });
  });

  it('answers too many logins for one email with 429 and a Retry-After header', async () => {
    const email = `limited-${Date.now().toString(36)}@example.test`;
    const attempt = () =>
      fetch(`${origin}/trpc/auth.login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ json: { email, password: 'not-a-password' } }),
      });
    for (let i = 0; i < 5; i++) expect((await attempt()).status).toBe(401);
    const limited = await attempt();
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
  });

  it('signs up a client whose X-Forwarded-For is not an address, without storing it', async () => {
    const email = `forwarded-${Date.now().toString(36)}@example.test`;
    const response = await fetch(`${origin}/trpc/auth.register`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-forwarded-for': 'not-an-ip' },
      body: JSON.stringify({ json: { email, password, firstName: 'Proxy', lastName: 'Client' } }),
    });
    expect(response.status).toBe(200);
    const client = createStayHubClient({ url: origin });
    const { token } = await client.auth.login.mutate({ email, password });
    const { items } = await createStayHubClient({ url: origin, token }).auth.sessions.query();
    expect(items.map((s) => s.ip).sort()).toEqual(['127.0.0.1', null]);
  });
});
