import type { AppRouter } from '@stayhub/api';
import { createTRPCClient, httpBatchLink } from '@trpc/client';
import superjson from 'superjson';

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
export function createStayHubClient(options: StayHubClientOptions) {
  const endpoint = new URL('/trpc', options.url).toString();
  return createTRPCClient<AppRouter>({
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

export type StayHubClient = ReturnType<typeof createStayHubClient>;
