import { createTRPCClient, httpBatchLink, type TRPCClient, TRPCClientError } from '@trpc/client';
import type { inferRouterInputs, inferRouterOutputs } from '@trpc/server';
import superjson from 'superjson';
import type { StayHubErrorReason, StayHubErrorShape, StayHubRouter } from './contract.ts';

export type { StayHubErrorReason, StayHubErrorShape, StayHubRouter };

/** Every procedure's input by path: `RouterInputs['bookings']['create']`. */
export type RouterInputs = inferRouterInputs<StayHubRouter>;
/** Every procedure's output by path: `RouterOutputs['properties']['search']['items'][number]`. */
export type RouterOutputs = inferRouterOutputs<StayHubRouter>;

/** The typed client: `client.properties.search.query(…)`, `client.bookings.create.mutate(…)`. */
export type StayHubClient = TRPCClient<StayHubRouter>;

export type TokenSource =
  | string
  | null
  | undefined
  | (() => string | null | undefined | Promise<string | null | undefined>);

export interface StayHubClientOptions {
  /** The server's origin, e.g. `http://localhost:3000`; procedures live under `/trpc`. */
  url: string;
  /** A session token, or a function returning the current one (read before every request). */
  token?: TokenSource;
  fetch?: typeof globalThis.fetch;
  headers?: Record<string, string>;
  /** At most this many calls per HTTP batch; keep ≤ the server's TRPC_MAX_BATCH_SIZE (default 20). */
  maxBatchSize?: number;
}

/** The typed StayHub client (SPEC §5): `client.health.query()`, `client.bookings.create.mutate(…)`. */
export function createStayHubClient(options: StayHubClientOptions): StayHubClient {
  const endpoint = new URL('/trpc', options.url).toString();
  return createTRPCClient<StayHubRouter>({
    links: [
      httpBatchLink({
        url: endpoint,
        transformer: superjson,
        maxItems: options.maxBatchSize ?? 20,
        ...(options.fetch ? { fetch: options.fetch } : {}),
        headers: async () => {
          const token = typeof options.token === 'function' ? await options.token() : options.token;
          return { ...options.headers, ...(token ? { authorization: `Bearer ${token}` } : {}) };
        },
      }),
    ],
  });
}

/** What the server puts in `error.data`: the TRPC code and HTTP status, plus StayHub's reason and details. */
export type StayHubErrorData = StayHubErrorShape['data'];

/** One invalid input field: `path` is dotted (`'guests'`, `'bbox.minLat'`), `message` is for people. */
export type StayHubFieldError = NonNullable<StayHubErrorData['fieldErrors']>[number];

/** An error the StayHub server answered with: `data` is always there and carries a `reason`. */
export interface StayHubError extends TRPCClientError<StayHubRouter> {
  readonly data: StayHubErrorData;
}

function hasReason(data: unknown): data is StayHubErrorData {
  return typeof data === 'object' && data !== null && 'reason' in data && typeof data.reason === 'string';
}

/**
 * True for errors the server answered with (any TRPC code), false for network failures, aborted requests
 * and anything else. Also recognises a `TRPCClientError` from another copy of `@trpc/client`.
 */
export function isStayHubError(error: unknown): error is StayHubError {
  if (!(error instanceof Error)) return false;
  if (!(error instanceof TRPCClientError) && error.name !== 'TRPCClientError') return false;
  return 'data' in error && hasReason(error.data);
}

/**
 * The stable reason (`'EMAIL_TAKEN'`, `'DATES_UNAVAILABLE'`…) of a server error, or undefined for anything
 * else. A newer server may send reasons this version does not list yet: keep a default branch.
 */
export function errorReason(error: unknown): StayHubErrorReason | undefined {
  return isStayHubError(error) ? error.data.reason : undefined;
}

/** The invalid fields of a BAD_REQUEST (`VALIDATION_FAILED`, `WEAK_PASSWORD`…); empty for anything else. */
export function fieldErrors(error: unknown): StayHubFieldError[] {
  return isStayHubError(error) ? (error.data.fieldErrors ?? []) : [];
}
