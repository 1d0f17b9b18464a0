import { randomUUID } from 'node:crypto';
import { graphqlLimits } from '@stayhub/api/graphql';
import { signedIn, useTestDeps } from '@stayhub/api/testing';
import pino from 'pino';
import { afterAll, describe, expect, it } from 'vitest';
import { buildServer, type ServerConfig } from '../../src/app.ts';
import { graphql, refusalsOf } from '../support/graphql.ts';

/**
 * /graphql's edges (SPEC §8): hostile documents are refused as 400-class request errors before any
 * resolver runs, errors carry tRPC's code and reason, a 500 says nothing, and introspection and GraphiQL
 * exist outside production only.
 */
const deps = await useTestDeps();
const config = (NODE_ENV: ServerConfig['NODE_ENV']): ServerConfig => ({
  BODY_LIMIT_BYTES: 1_048_576,
  TRPC_MAX_BATCH_SIZE: 20,
  CORS_ORIGINS: [],
  TRUST_PROXY: false,
  NODE_ENV,
});
const logger = pino({ level: 'silent' });
const production = await buildServer({ deps, logger, config: config('production') });
const development = await buildServer({ deps, logger, config: config('development') });
const leaky = await buildServer({
  deps: {
    ...deps,
    cache: {
      ...deps.cache,
      get: () => Promise.reject(new Error('connect ECONNREFUSED 10.0.0.7:6379 select * from users')),
    },
  },
  logger,
  config: config('production'),
});
const origin = await production.listen({ host: '127.0.0.1', port: 0 });
const devOrigin = await development.listen({ host: '127.0.0.1', port: 0 });
const leakyOrigin = await leaky.listen({ host: '127.0.0.1', port: 0 });
afterAll(() => Promise.all([production.close(), development.close(), leaky.close()]));

describe('hostile GraphQL documents', () => {
  it('refuses a document 50 levels deep with a 400 and reason QUERY_TOO_COMPLEX', async () => {
    // The graph has no cycle, so depth comes from reviews → author → … nested through the same path.
    const level = (inner: string) => `edges { node { author { hostStats { reviewCount } } ${inner} } }`;
    let selection = 'reviewCount';
    for (let depth = 0; depth < 25; depth += 1) selection = `reviews { ${level(selection)} }`;
    const query = `{ search { edges { node { ${selection} } } } }`;
    expect(query.match(/\{/g)?.length).toBeGreaterThanOrEqual(50);
    const answer = await graphql(origin, query);
    expect(answer.status).toBe(400);
    expect(refusalsOf(answer)).toContainEqual({ code: 'BAD_REQUEST', reason: 'QUERY_TOO_COMPLEX' });
    expect(answer.body.data).toBeUndefined();
  });

  it('refuses 1,000 aliases of one field with a 400 and reason QUERY_TOO_COMPLEX', async () => {
    const aliases = Array.from({ length: 1_000 }, (_, index) => `a${index}: amenities { code }`).join(' ');
    const answer = await graphql(origin, `{ ${aliases} }`);
    expect(answer.status).toBe(400);
    expect(refusalsOf(answer)).toContainEqual({ code: 'BAD_REQUEST', reason: 'QUERY_TOO_COMPLEX' });
  });

  it('refuses a 10 MB document with a 413 in the GraphQL envelope, before parsing it', async () => {
    const answer = await graphql(origin, `{ amenities { code ${' name'.repeat(2_000_000)} } }`);
    expect(answer.status).toBe(413);
    expect(refusalsOf(answer)).toEqual([{ code: 'PAYLOAD_TOO_LARGE', reason: 'PAYLOAD_TOO_LARGE' }]);
  });

  it('refuses a document over the token limit that fits in the body limit', async () => {
    const answer = await graphql(origin, `{ amenities { code ${' name'.repeat(graphqlLimits.maxTokens)} } }`);
    expect(answer.status).toBe(400);
    expect(refusalsOf(answer)).toEqual([{ code: 'BAD_REQUEST', reason: 'QUERY_TOO_COMPLEX' }]);
  });

  it('refuses a fragment cycle with a 400 and reason VALIDATION_FAILED', async () => {
    const query = `
      query { me { ...A } }
      fragment A on Me { userId ...B }
      fragment B on Me { email ...A }`;
    const answer = await graphql(origin, query);
    expect(answer.status).toBe(400);
    expect(refusalsOf(answer)).toContainEqual({ code: 'BAD_REQUEST', reason: 'VALIDATION_FAILED' });
  });

  it('refuses a batch of more operations than the limit', async () => {
    const response = await fetch(`${origin}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(
        Array.from({ length: graphqlLimits.maxBatch + 1 }, () => ({ query: '{ amenities { code } }' })),
      ),
    });
    expect(response.status).toBeGreaterThanOrEqual(400);
    expect(response.status).toBeLessThan(500);
  });

  it('answers a batch within the limit, one result per operation', async () => {
    const response = await fetch(`${origin}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify([{ query: '{ amenities { code } }' }, { query: '{ amenities { name } }' }]),
    });
    expect(response.status).toBe(200);
    const results = await response.json();
    expect(results).toHaveLength(2);
  });
});

describe('errors over GraphQL', () => {
  it('answers a listing that does not exist with NOT_FOUND, like properties.get', async () => {
    const answer = await graphql(origin, `{ property(propertyId: "${randomUUID()}") { name } }`);
    expect(answer.status).toBe(200);
    expect(answer.body.data).toEqual({ property: null });
    expect(refusalsOf(answer)).toEqual([{ code: 'NOT_FOUND', reason: 'NOT_FOUND' }]);
    expect(answer.body.errors?.[0]?.path).toEqual(['property']);
  });

  it('answers `me` without a token with UNAUTHORIZED / UNAUTHENTICATED', async () => {
    const answer = await graphql(origin, '{ me { email } }');
    expect(refusalsOf(answer)).toEqual([{ code: 'UNAUTHORIZED', reason: 'UNAUTHENTICATED' }]);
  });

  it('answers input the zod schema refuses with BAD_REQUEST, VALIDATION_FAILED and the field path', async () => {
    const answer = await graphql(origin, '{ property(propertyId: "not-a-uuid") { name } }');
    expect(refusalsOf(answer)).toEqual([{ code: 'BAD_REQUEST', reason: 'VALIDATION_FAILED' }]);
    expect(answer.body.errors?.[0]?.extensions?.fieldErrors).toMatchObject([{ path: 'propertyId' }]);
  });

  it('answers a refusal of a service with its code and reason, like auth.login', async () => {
    const user = await signedIn(deps, 'guest');
    const answer = await graphql(
      origin,
      'mutation($email: String!) { login(email: $email, password: "wrong") { token } }',
      {
        variables: { email: user.email },
      },
    );
    expect(answer.body.data).toEqual(null);
    expect(refusalsOf(answer)).toEqual([{ code: 'UNAUTHORIZED', reason: 'INVALID_CREDENTIALS' }]);
  });

  it('answers a mutation over GET with a 405', async () => {
    const response = await fetch(
      `${origin}/graphql?query=${encodeURIComponent('mutation { login(email: "a@b.c", password: "x") { token } }')}`,
    );
    expect(response.status).toBe(405);
    expect((await response.json()).errors[0].extensions).toMatchObject({ code: 'METHOD_NOT_SUPPORTED' });
  });

  it('answers a query over GET', async () => {
    const response = await fetch(`${origin}/graphql?query=${encodeURIComponent('{ amenities { code } }')}`, {
      headers: { accept: 'application/json' },
    });
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body.data.amenities.length).toBeGreaterThan(0);
  });

  it('says nothing about internals when a field fails unexpectedly', async () => {
    const answer = await graphql(leakyOrigin, `{ property(propertyId: "${randomUUID()}") { name } }`);
    expect(refusalsOf(answer)).toEqual([{ code: 'INTERNAL_SERVER_ERROR', reason: 'INTERNAL' }]);
    expect(answer.body.errors?.[0]?.message).toBe('internal server error');
    expect(JSON.stringify(answer.body)).not.toMatch(/ECONNREFUSED|select|stack|10\.0\.0\.7/i);
  });
});

describe('introspection and GraphiQL', () => {
  const introspection = '{ __schema { queryType { name } } }';

  it('refuses introspection in production', async () => {
    const answer = await graphql(origin, introspection);
    expect(answer.status).toBe(400);
    expect(answer.body.data).toBeUndefined();
    expect(new Set(refusalsOf(answer).map((refusal) => JSON.stringify(refusal)))).toEqual(
      new Set([JSON.stringify({ code: 'BAD_REQUEST', reason: 'VALIDATION_FAILED' })]),
    );
  });

  it('answers introspection in development', async () => {
    const answer = await graphql(devOrigin, introspection);
    expect(answer.body.data).toEqual({ __schema: { queryType: { name: 'Query' } } });
  });

  it('serves GraphiQL in development only', async () => {
    const page = (at: string) => fetch(`${at}/graphql`, { headers: { accept: 'text/html' } });
    const dev = await page(devOrigin);
    expect(dev.headers.get('content-type')).toMatch(/text\/html/);
    // Served from the installed package, not a CDN: nothing loads at run time from elsewhere.
    expect(await dev.text()).not.toMatch(/<script[^>]+src="https?:|<link[^>]+href="https?:/);
    const prod = await page(origin);
    expect(prod.headers.get('content-type') ?? '').not.toMatch(/text\/html/);
  });
});
