import { fetchRequestHandler } from '@trpc/server/adapters/fetch';
import { getHTTPStatusCodeFromError } from '@trpc/server/http';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  ConflictError,
  type DomainError,
  ForbiddenError,
  NotFoundError,
  PaymentDeclinedError,
  RateLimitedError,
  RuleViolationError,
  UnauthenticatedError,
  ValidationError,
} from '../../src/domain/errors.ts';
import { createSignedInUser, trpcErrorOf, useTestDeps } from '../../src/testing/index.ts';
import { createContextInner } from '../../src/trpc/context.ts';
import { createCallerFactory, router } from '../../src/trpc/init.ts';
import {
  adminProcedure,
  authedProcedure,
  hostProcedure,
  publicProcedure,
} from '../../src/trpc/procedures.ts';
import { transformer } from '../../src/trpc/transformer.ts';

const deps = await useTestDeps();

/** Procedures built on the real bases that fail on purpose, to observe the single mapping layer. */
const probe = router({
  fail: publicProcedure.input(z.object({ kind: z.string() })).query(({ input }): string => {
    const errors: Record<string, DomainError | Error> = {
      validation: new ValidationError('start date is in the past', ['startDate'], 'START_IN_PAST'),
      unauthenticated: new UnauthenticatedError(),
      forbidden: new ForbiddenError(),
      not_found: new NotFoundError('booking'),
      conflict: new ConflictError('DATES_UNAVAILABLE', 'those dates are taken'),
      rule: new RuleViolationError('STAY_TOO_SHORT', 'stay at least 2 nights'),
      payment: new PaymentDeclinedError(),
      limited: new RateLimitedError(1_500),
      internal: new Error(
        'duplicate key value violates unique constraint "users_email_key" (SELECT * FROM users)',
      ),
    };
    throw errors[input.kind] ?? new Error('unknown kind');
  }),
  /** Real statements that Postgres refuses, as a service that let the input through would send them. */
  database: publicProcedure.input(z.object({ kind: z.string() })).query(async ({ ctx, input }) => {
    const statements: Record<string, () => Promise<unknown>> = {
      nul: () => sql`select ${'a\u0000b'}::text`.execute(ctx.deps.db),
      impossible_date: () => sql`select '2031-02-30 10:00:00+00'::timestamptz`.execute(ctx.deps.db),
      out_of_range: () => sql`select 2147483648::int4`.execute(ctx.deps.db),
      duplicate: () =>
        ctx.deps.db.transaction().execute(async (trx) => {
          await sql`create temp table probe_unique (x int unique) on commit drop`.execute(trx);
          await sql`insert into probe_unique values (1), (1)`.execute(trx);
        }),
      terminated: () => sql`select pg_terminate_backend(pg_backend_pid())`.execute(ctx.deps.db),
    };
    await (statements[input.kind] ?? (() => Promise.reject(new Error('unknown kind'))))();
    return 'ok';
  }),
  strict: publicProcedure
    .input(z.object({ email: z.email(), guests: z.number().int().min(1) }))
    .query(() => 'ok'),
  authed: authedProcedure.query(({ ctx }) => ctx.viewer.userId),
  host: hostProcedure.query(() => 'host'),
  admin: adminProcedure.query(() => 'admin'),
});

const caller = createCallerFactory(probe)(createContextInner({ deps }));

const errorBody = z.object({
  error: z.object({
    json: z.object({
      message: z.string(),
      data: z.object({
        code: z.string(),
        reason: z.string(),
        fieldErrors: z.array(z.object({ path: z.string(), message: z.string() })).nullable(),
        retryAfterMs: z.number().nullable(),
      }),
    }),
  }),
});

/** A GET through tRPC's own fetch adapter: the wire format a client sees, superjson-encoded. */
async function overHttp(path: string, input: unknown) {
  const url = `http://stayhub.test/trpc/${path}?input=${encodeURIComponent(JSON.stringify(transformer.serialize(input)))}`;
  const response = await fetchRequestHandler({
    endpoint: '/trpc',
    req: new Request(url),
    router: probe,
    createContext: () => createContextInner({ deps }),
    onError: () => {},
  });
  const body = errorBody.parse(await response.json());
  return { status: response.status, error: body.error.json };
}

describe('domain error mapping', () => {
  it.each([
    ['validation', 'BAD_REQUEST', 'START_IN_PAST', 400],
    ['unauthenticated', 'UNAUTHORIZED', 'UNAUTHENTICATED', 401],
    ['forbidden', 'FORBIDDEN', 'FORBIDDEN', 403],
    ['not_found', 'NOT_FOUND', 'NOT_FOUND', 404],
    ['conflict', 'CONFLICT', 'DATES_UNAVAILABLE', 409],
    ['rule', 'UNPROCESSABLE_CONTENT', 'STAY_TOO_SHORT', 422],
    ['payment', 'PAYMENT_REQUIRED', 'PAYMENT_DECLINED', 402],
    ['limited', 'TOO_MANY_REQUESTS', 'RATE_LIMITED', 429],
  ])('maps a %s error to %s with reason %s', async (kind, code, reason, status) => {
    const error = await trpcErrorOf(() => caller.fail({ kind }));
    expect(error.code).toBe(code);
    expect(getHTTPStatusCodeFromError(error)).toBe(status);
    expect((error.cause as DomainError).reason).toBe(reason);
  });

  it('formats errors with a reason and field paths, never a stack', async () => {
    const { status, error } = await overHttp('strict', { email: 'nope', guests: 0 });
    expect(status).toBe(400);
    expect(error.data).toMatchObject({ code: 'BAD_REQUEST', reason: 'VALIDATION_FAILED' });
    expect(error.data.fieldErrors?.map((f) => f.path).sort()).toEqual(['email', 'guests']);
    expect(JSON.stringify(error)).not.toContain('stack');
  });

  it('masks internal errors: no SQL, no message from the cause', async () => {
    const { status, error } = await overHttp('fail', { kind: 'internal' });
    expect(status).toBe(500);
    expect(error.message).toBe('internal server error');
    expect(error.data.reason).toBe('INTERNAL');
    expect(JSON.stringify(error)).not.toMatch(/SELECT|users_email_key|stack/);
  });

  it('sends the retry delay of a rate limit', async () => {
    const { status, error } = await overHttp('fail', { kind: 'limited' });
    expect(status).toBe(429);
    expect(error.data).toMatchObject({ reason: 'RATE_LIMITED', retryAfterMs: 1_500 });
  });
});

describe('database errors no service expected (the last line of defence)', () => {
  it.each([
    ['a NUL character (22021)', 'nul', 'BAD_REQUEST', 'INVALID_INPUT', 400],
    ['an impossible timestamp (22008)', 'impossible_date', 'BAD_REQUEST', 'INVALID_INPUT', 400],
    ['a number beyond its column (22003)', 'out_of_range', 'BAD_REQUEST', 'INVALID_INPUT', 400],
    ['a unique violation (23505)', 'duplicate', 'CONFLICT', 'CONFLICT', 409],
    ['a terminated connection (57P01)', 'terminated', 'SERVICE_UNAVAILABLE', 'UNAVAILABLE', 503],
  ])('answers %s with %s %s, never a 500', async (_, kind, code, reason, status) => {
    const { status: httpStatus, error } = await overHttp('database', { kind });
    expect(httpStatus).toBe(status);
    expect(error.data).toMatchObject({ code, reason });
    expect(JSON.stringify(error)).not.toMatch(/select|probe_unique|int4|timestamptz|stack/i);
  });

  it('tells a client when to retry after the database went away', async () => {
    const { error } = await overHttp('database', { kind: 'terminated' });
    expect(error.data.retryAfterMs).toBe(1_000);
  });
});

describe('procedure bases', () => {
  it('refuses an anonymous caller on an authed procedure', async () => {
    const error = await trpcErrorOf(() => caller.authed());
    expect(error.code).toBe('UNAUTHORIZED');
  });

  it('refuses an unknown token', async () => {
    const stranger = createCallerFactory(probe)(createContextInner({ deps, token: 'not-a-real-token' }));
    const error = await trpcErrorOf(() => stranger.admin());
    expect(error.code).toBe('UNAUTHORIZED');
  });
});

describe('who may call what', () => {
  const as = (token: string) => createCallerFactory(probe)(createContextInner({ deps, token }));

  it('lets any signed-in user through the authed base, as themselves', async () => {
    const guest = await createSignedInUser(deps);
    expect(await as(guest.token).authed()).toBe(guest.userId);
  });

  it('refuses a guest on host and admin procedures', async () => {
    const guest = await createSignedInUser(deps);
    expect((await trpcErrorOf(() => as(guest.token).host())).code).toBe('FORBIDDEN');
    expect((await trpcErrorOf(() => as(guest.token).admin())).code).toBe('FORBIDDEN');
  });

  it('lets a host in as a host but refuses them admin procedures', async () => {
    const host = await createSignedInUser(deps, { role: 'host' });
    expect(await as(host.token).host()).toBe('host');
    expect((await trpcErrorOf(() => as(host.token).admin())).code).toBe('FORBIDDEN');
  });

  it('lets an admin call admin procedures', async () => {
    const admin = await createSignedInUser(deps, { role: 'admin' });
    expect(await as(admin.token).admin()).toBe('admin');
  });

  it('refuses a suspended user with ACCOUNT_SUSPENDED', async () => {
    const suspended = await createSignedInUser(deps, { status: 'suspended' });
    const error = await trpcErrorOf(() => as(suspended.token).authed());
    expect(error.code).toBe('UNAUTHORIZED');
    expect((error.cause as DomainError).reason).toBe('ACCOUNT_SUSPENDED');
  });
});
