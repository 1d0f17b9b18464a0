import type { IncomingMessage, ServerResponse } from 'node:http';
import {
  type Context,
  callRest,
  openApiDocument,
  REST_PREFIX,
  type RestErrorBody,
  type RestOperation,
  restInput,
  restOperations,
} from '@stayhub/api';
import type {
  FastifyBaseLogger,
  FastifyError,
  FastifyInstance,
  FastifyReply,
  FastifyRequest,
  RawServerDefault,
} from 'fastify';
import { refusalOf } from './http-refusals.ts';

/**
 * REST under /api/v1 (SPEC §8): one Fastify route per procedure, from the routes the procedures declare
 * (`.meta({ openapi })`), each calling its procedure through a server-side caller of the app router — the
 * same bases, middlewares, parsers and services as /trpc, in plain JSON. `GET /openapi.json` is the
 * document of exactly these routes. Body limits, request ids, metrics and drain apply as to every route:
 * they are the host's hooks.
 */

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The procedure a REST route calls: its metrics label (request-metrics.ts). */
    procedure?: string;
  }
}

const fastifyPath = (path: string) => path.replace(/\{([A-Za-z0-9]+)\}/g, ':$1');

const stringRecord = (value: unknown): Record<string, string> =>
  typeof value === 'object' && value !== null
    ? Object.fromEntries(
        Object.entries(value).filter((entry): entry is [string, string] => typeof entry[1] === 'string'),
      )
    : {};

function queryOf(url: string): URLSearchParams {
  const at = url.indexOf('?');
  return new URLSearchParams(at === -1 ? '' : url.slice(at + 1));
}

function sendError(reply: FastifyReply, status: number, body: RestErrorBody) {
  return reply.code(status).type('application/json').send(body);
}

export async function registerRest<L extends FastifyBaseLogger>(
  app: FastifyInstance<RawServerDefault, IncomingMessage, ServerResponse, L>,
  options: {
    contextFor: (request: FastifyRequest) => Context;
    /** Records the tRPC code of a failed call for the request's metrics label. */
    onError: (request: FastifyRequest, code: string) => void;
    /** The operations to serve (all of the app router's unless told). */
    operations?: RestOperation[];
  },
): Promise<void> {
  const operations = options.operations ?? restOperations();
  const document = JSON.stringify(openApiDocument(operations, { version: '1.0.0' }));

  app.get('/openapi.json', async (_request, reply) => reply.type('application/json').send(document));

  await app.register(
    async (api) => {
      // Refusals before the procedure runs (too large, not JSON) answer in the REST error shape too.
      api.setErrorHandler((error: FastifyError, request, reply) => {
        const refusal = refusalOf(error);
        if (refusal) return sendError(reply, error.statusCode ?? 400, refusal);
        request.log.error({ err: error }, 'REST request failed outside its procedure');
        return sendError(reply, 500, {
          code: 'INTERNAL_SERVER_ERROR',
          reason: 'INTERNAL',
          message: 'internal server error',
        });
      });
      api.setNotFoundHandler((request, reply) =>
        sendError(reply, 404, {
          code: 'NOT_FOUND',
          reason: 'NOT_FOUND',
          message: `no route ${request.method} ${request.url.split('?', 1)[0]}`,
        }),
      );
      for (const operation of operations) {
        api.route({
          method: operation.route.method,
          url: fastifyPath(operation.route.path),
          config: { procedure: operation.procedure },
          handler: async (request, reply) => {
            const input = restInput(operation, {
              params: stringRecord(request.params),
              query: queryOf(request.url),
              body: request.body,
            });
            const result = await callRest(operation, options.contextFor(request), input);
            if (result.ok) return reply.code(result.status).type('application/json').send(result.body);
            options.onError(request, result.body.code);
            if (result.retryAfterSeconds !== null)
              reply.header('retry-after', String(result.retryAfterSeconds));
            return sendError(reply, result.status, result.body);
          },
        });
      }
    },
    { prefix: REST_PREFIX },
  );
}
