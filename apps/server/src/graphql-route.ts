import type { IncomingMessage, ServerResponse } from 'node:http';
import { bearerToken } from '@stayhub/api';
import type { GraphQLServer } from '@stayhub/api/graphql';
import type { FastifyBaseLogger, FastifyError, FastifyInstance, RawServerDefault } from 'fastify';

/** A refusal before yoga reads the request, in GraphQL's envelope with the usual code and reason. */
function refusal(code: string, reason: string, message: string) {
  return { errors: [{ message, extensions: { code, reason } }] };
}

/**
 * `/graphql` (SPEC §8): POST, and GET for queries, handed to the yoga server of `@stayhub/api/graphql` with
 * the bearer token and the request's id, address and user agent — what tRPC's context gets. Requests
 * Fastify refuses first (a body over BODY_LIMIT_BYTES, a content type it cannot parse, bad JSON) answer
 * in GraphQL's envelope, in a scope of their own so /trpc keeps its envelope.
 */
export async function registerGraphQL<L extends FastifyBaseLogger>(
  app: FastifyInstance<RawServerDefault, IncomingMessage, ServerResponse, L>,
  yoga: GraphQLServer,
): Promise<void> {
  await app.register(async (scope) => {
    scope.setErrorHandler((error: FastifyError, request, reply) => {
      const status = error.statusCode ?? 500;
      if (status === 413) {
        return reply
          .code(413)
          .send(refusal('PAYLOAD_TOO_LARGE', 'PAYLOAD_TOO_LARGE', 'the request body is too large'));
      }
      if (status === 415) {
        return reply
          .code(415)
          .send(refusal('UNSUPPORTED_MEDIA_TYPE', 'UNSUPPORTED_MEDIA_TYPE', 'send application/json'));
      }
      if (status >= 400 && status < 500) {
        return reply.code(400).send(refusal('BAD_REQUEST', 'VALIDATION_FAILED', 'the request is not valid'));
      }
      request.log.error({ err: error }, 'graphql request failed outside yoga');
      return reply.code(500).send(refusal('INTERNAL_SERVER_ERROR', 'INTERNAL', 'internal server error'));
    });

    scope.route({
      url: yoga.graphqlEndpoint,
      method: ['GET', 'POST'],
      handler: async (request, reply) => {
        const response = await yoga.handleNodeRequestAndResponse(request, reply, {
          graphql: {
            token: bearerToken(request.headers.authorization),
            meta: { requestId: request.id, ip: request.ip, userAgent: request.headers['user-agent'] ?? null },
          },
        });
        response.headers.forEach((value, key) => {
          reply.header(key, value);
        });
        reply.status(response.status);
        return reply.send(response.body);
      },
    });
  });
}
