import { randomUUID } from 'node:crypto';
import cors from '@fastify/cors';
import { appRouter, bearerToken, createContextInner, publicResponses } from '@stayhub/api';
import { createGraphQLServer } from '@stayhub/api/graphql';
import { type Config, createMetricsRegistry, type Deps } from '@stayhub/api/runtime';
import type { TRPCError } from '@trpc/server';
import Fastify, { type FastifyRequest } from 'fastify';
import type { Logger } from 'pino';
import type { Registry } from 'prom-client';
import { registerDocs } from './docs.ts';
import { drainOnClose } from './drain.ts';
import { registerGraphQL } from './graphql-route.ts';
import { clientErrorHandler, registerHttpRefusals } from './http-refusals.ts';
import { checkReadiness } from './readiness.ts';
import { instrumentRequests } from './request-metrics.ts';
import { ResponseCache } from './response-cache.ts';
import { registerRest } from './rest.ts';
import { trpcRoute } from './trpc-route.ts';
import { registerWebDist } from './web-dist.ts';

export type ServerConfig = Pick<
  Config,
  'BODY_LIMIT_BYTES' | 'TRPC_MAX_BATCH_SIZE' | 'CORS_ORIGINS' | 'TRUST_PROXY' | 'WEB_DIST'
> &
  // Optional so callers that build a server for one purpose need not name it: on unless false.
  Partial<Pick<Config, 'TRPC_FAST_PATH' | 'RESPONSE_CACHE_BYTES'>> & {
    /** GraphiQL and GraphQL introspection outside production only; absent counts as production. */
    NODE_ENV?: Config['NODE_ENV'];
  };

/** 32 MiB of kept public answers per server process unless RESPONSE_CACHE_BYTES says otherwise. */
const DEFAULT_RESPONSE_CACHE_BYTES = 32 * 1024 * 1024;

const REQUEST_ID = /^[A-Za-z0-9._-]{1,64}$/;

/** A hop count becomes the function form Fastify's types accept; addresses and booleans pass through. */
function trustedProxies(setting: ServerConfig['TRUST_PROXY']) {
  return typeof setting === 'number' ? (_address: string, hop: number) => hop < setting : setting;
}

/** Every procedure path of the router ('auth.login'…): the only values the metrics' `procedure` label takes besides fixed ones. */
const procedures: ReadonlySet<string> = new Set(Object.keys(appRouter._def.procedures));

/** `retry-after` (whole seconds) for the longest wait a rate-limited call of the response was told. */
function retryAfterHeaders(errors: readonly TRPCError[]): Record<string, string> {
  const retryAfterMs = errors
    .map((e) => (e.cause && 'retryAfterMs' in e.cause ? Number(e.cause.retryAfterMs) : 0))
    .reduce((a, b) => Math.max(a, b), 0);
  return retryAfterMs > 0 ? { 'retry-after': String(Math.ceil(retryAfterMs / 1000)) } : {};
}

/**
 * The HTTP host: tRPC at /trpc, GraphQL at /graphql, the same procedures as REST at /api/v1 (its document at /openapi.json, a
 * reader at /docs), liveness at /healthz, readiness at /readyz, Prometheus metrics at /metrics.
 * Delivery only — every rule lives in @stayhub/api's services.
 */
export async function buildServer(options: {
  deps: Deps;
  config: ServerConfig;
  logger: Logger;
  /** The process's registry (`runtime.metrics`: pool, cache and process metrics); a fresh one otherwise. */
  metrics?: Registry;
}) {
  const { deps, config, logger } = options;
  const app = Fastify({
    loggerInstance: logger,
    bodyLimit: config.BODY_LIMIT_BYTES,
    // A caller's request id is kept when it looks like one, so logs join up across services.
    genReqId: (req) => {
      const given = req.headers['x-request-id'];
      return typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
    },
    requestIdHeader: false,
    // Per-IP rate limits count req.ip: only configured proxies may set it through X-Forwarded-For.
    trustProxy: trustedProxies(config.TRUST_PROXY),
    routerOptions: { maxParamLength: 5_000 },
    clientErrorHandler,
    // While draining, a request that reaches the router on a kept-alive connection is served (the pools
    // close only after app.close() resolves), with `connection: close`. Fastify's default would answer it
    // with a bare 503 outside the tRPC envelope and without retry-after, though nothing stops serving it.
    return503OnClosing: false,
  });
  registerHttpRefusals(app, { maxBatchSize: config.TRPC_MAX_BATCH_SIZE });
  // Before every route and plugin, so its hook sees every response, refusals and 404s included.
  const registry = options.metrics ?? createMetricsRegistry();
  const metrics = instrumentRequests(app, { registry, procedures });

  app.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });
  drainOnClose(app);

  await app.register(cors, {
    // Browser frontends: only the listed origins; bearer tokens, so no cookies are needed (credentials off).
    origin: config.CORS_ORIGINS.length > 0 ? config.CORS_ORIGINS : false,
    allowedHeaders: ['authorization', 'content-type', 'x-request-id', 'trpc-accept'],
    exposedHeaders: ['x-request-id', 'retry-after'],
    maxAge: 600,
  });

  app.get('/healthz', async () => ({ status: 'ok' }));
  app.get('/readyz', async (_request, reply) => {
    const readiness = await checkReadiness(deps);
    return reply.code(readiness.ready ? 200 : 503).send(readiness);
  });

  const createContext = (req: FastifyRequest) =>
    createContextInner({
      deps,
      token: bearerToken(req.headers.authorization),
      meta: { requestId: req.id, ip: req.ip, userAgent: req.headers['user-agent'] ?? null },
    });
  const onError = ({ error, req }: { error: TRPCError; req: FastifyRequest }) =>
    metrics.trpcError(req, error.code);
  const keptBytes = config.RESPONSE_CACHE_BYTES ?? DEFAULT_RESPONSE_CACHE_BYTES;
  await app.register(trpcRoute, {
    prefix: '/trpc',
    registry,
    trpcOptions: {
      router: appRouter,
      maxBatchSize: config.TRPC_MAX_BATCH_SIZE,
      createContext: ({ req }) => createContext(req),
      onError,
      responseMeta: ({ errors }) => ({ headers: retryAfterHeaders(errors) }),
    },
    fastPath:
      config.TRPC_FAST_PATH !== false
        ? {
            router: appRouter,
            maxBatchSize: config.TRPC_MAX_BATCH_SIZE,
            createContext,
            onError,
            responseHeaders: retryAfterHeaders,
            publicResponses:
              keptBytes > 0
                ? { entries: publicResponses, cache: new ResponseCache(keptBytes, registry) }
                : undefined,
          }
        : undefined,
  });
  await registerRest(app, { contextFor: createContext, onError: metrics.trpcError });
  await registerDocs(app);
  await registerGraphQL(
    app,
    createGraphQLServer({ deps, production: (config.NODE_ENV ?? 'production') === 'production' }),
  );
  if (config.WEB_DIST) await registerWebDist(app, config.WEB_DIST);

  return app;
}

export type StayHubServer = Awaited<ReturnType<typeof buildServer>>;
