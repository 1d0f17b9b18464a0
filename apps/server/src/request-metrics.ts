import type { IncomingMessage, ServerResponse } from 'node:http';
import type { FastifyBaseLogger, FastifyInstance, FastifyRequest, RawServerDefault } from 'fastify';
import { Counter, Histogram, type Registry } from 'prom-client';

/** The Fastify route the tRPC plugin serves every procedure on (prefix `/trpc`). */
export const TRPC_ROUTE = '/trpc/:path';

/** A request that names no known procedure or route: a typo, a scan, a 404. */
export const OTHER = 'other';
/** A tRPC batch of more than one call: its calls share one request, one status and one latency. */
export const BATCH = 'batch';

/** What the labels are computed from: the matched route, the tRPC path parameter, `?batch=1`. */
export interface RequestShape {
  /** Fastify's route pattern (`/trpc/:path`, `/healthz`); undefined when no route matched. */
  route: string | undefined;
  path: unknown;
  batch: boolean;
  /** The procedure a REST route (/api/v1) calls, from its route config. */
  restProcedure?: string | undefined;
}

/**
 * The `procedure` label, from a fixed set so the series stay bounded whatever a client sends: a procedure
 * path of the router (called over /trpc or its REST route), a route pattern of the host (`/healthz`, `/readyz`,
 * `/metrics`, `/openapi.json`), `batch` for a batch
 * of several calls, and `other` for anything else — never the raw URL, which may hold ids or garbage.
 * A batch of one call counts as that procedure, as tRPC runs it alike.
 */
export function procedureLabel(request: RequestShape, procedures: ReadonlySet<string>): string {
  if (request.route === undefined) return OTHER;
  // A REST call counts as its procedure, like the same call over /trpc.
  if (request.restProcedure !== undefined)
    return procedures.has(request.restProcedure) ? request.restProcedure : OTHER;
  if (request.route !== TRPC_ROUTE) return request.route;
  if (typeof request.path !== 'string') return OTHER;
  if (request.batch && request.path.includes(',')) return BATCH;
  return procedures.has(request.path) ? request.path : OTHER;
}

/**
 * The `code` label: the tRPC error code of the (first) failed call when tRPC answered one (`NOT_FOUND`,
 * `TOO_MANY_REQUESTS`…); otherwise `OK` below 400 and the status class above — a refusal before tRPC
 * (a batch over the limit, a body too large) or a plain route (`/readyz` answering 503).
 */
export function codeLabel(statusCode: number, trpcErrorCode: string | undefined): string {
  if (trpcErrorCode !== undefined) return trpcErrorCode;
  if (statusCode < 400) return 'OK';
  return statusCode < 500 ? '4xx' : '5xx';
}

export interface RequestMetrics {
  observe(procedure: string, code: string, seconds: number): void;
}

interface Series {
  requests: Counter.Internal;
  duration: Histogram.Internal<'procedure' | 'code'>;
}

/** `stayhub_http_requests_total` and `stayhub_http_request_duration_seconds`, by procedure and code. */
export function requestMetrics(registry: Registry): RequestMetrics {
  const labelNames = ['procedure', 'code'] as const;
  const requests = new Counter({
    name: 'stayhub_http_requests_total',
    help: 'HTTP requests answered, by procedure (or route, batch, other) and code.',
    labelNames,
    registers: [registry],
  });
  const duration = new Histogram({
    name: 'stayhub_http_request_duration_seconds',
    help: 'Time from receiving an HTTP request to answering it, by procedure (or route, batch, other) and code.',
    labelNames,
    registers: [registry],
  });
  // The label sets are bounded, so their children are kept: a request then allocates no label object.
  const byProcedure = new Map<string, Map<string, Series>>();
  return {
    observe(procedure, code, seconds) {
      let byCode = byProcedure.get(procedure);
      if (byCode === undefined) {
        byCode = new Map();
        byProcedure.set(procedure, byCode);
      }
      let series = byCode.get(code);
      if (series === undefined) {
        series = { requests: requests.labels(procedure, code), duration: duration.labels(procedure, code) };
        byCode.set(code, series);
      }
      series.requests.inc();
      series.duration.observe(seconds);
    },
  };
}

const isBatch = (query: unknown) =>
  typeof query === 'object' && query !== null && 'batch' in query && query.batch === '1';
const pathParam = (params: unknown) =>
  typeof params === 'object' && params !== null && 'path' in params ? params.path : undefined;

/**
 * Counts and times every response of `app` (SPEC §11) and serves the registry at `GET /metrics`. The
 * returned `trpcError` is tRPC's `onError`: it keeps the first failed call's code for the request's label.
 */
export function instrumentRequests<L extends FastifyBaseLogger>(
  app: FastifyInstance<RawServerDefault, IncomingMessage, ServerResponse, L>,
  options: { registry: Registry; procedures: ReadonlySet<string> },
): { trpcError(request: FastifyRequest, code: string): void } {
  const { registry, procedures } = options;
  const metrics = requestMetrics(registry);
  // Only failed requests get an entry, and it goes with the request.
  const trpcErrors = new WeakMap<FastifyRequest, string>();
  app.addHook('onResponse', (request, reply, done) => {
    const procedure = procedureLabel(
      {
        route: request.routeOptions.url,
        path: pathParam(request.params),
        batch: isBatch(request.query),
        restProcedure: request.routeOptions.config.procedure,
      },
      procedures,
    );
    // elapsedTime: milliseconds since Fastify received the request, from its own high-resolution clock.
    metrics.observe(
      procedure,
      codeLabel(reply.statusCode, trpcErrors.get(request)),
      reply.elapsedTime / 1_000,
    );
    done();
  });
  app.get('/metrics', async (_request, reply) =>
    reply.type(registry.contentType).send(await registry.metrics()),
  );
  return {
    trpcError: (request, code) => {
      if (!trpcErrors.has(request)) trpcErrors.set(request, code);
    },
  };
}
