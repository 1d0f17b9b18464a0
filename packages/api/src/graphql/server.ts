import { renderGraphiQL } from '@graphql-yoga/render-graphiql';
import { createYoga, type Plugin } from 'graphql-yoga';
import type { Deps } from '../domain/deps.ts';
import { createGraphQLContext, type GraphQLContext, type GraphQLRequestInfo } from './context.ts';
import { causeOf, failureOf, maskError } from './errors.ts';
import { graphqlLimits, limitPlugins } from './limits.ts';
import { graphqlSchema } from './schema.ts';

/** What the HTTP host hands yoga with each request. */
export interface GraphQLServerContext {
  graphql: GraphQLRequestInfo;
}

/**
 * Logs what a client only sees as "internal server error", once, with the request id — and database
 * refusals a schema should have caught first — as tRPC's middlewares do.
 */
function logFailures(deps: Deps): Plugin<GraphQLContext> {
  return {
    onExecute() {
      return {
        onExecuteDone({ args, result }) {
          if (!('errors' in result) || !result.errors) return;
          for (const error of result.errors) {
            const cause = causeOf(error);
            if (cause === undefined) continue;
            const failure = failureOf(cause);
            const fields = {
              err: cause,
              path: error.path?.join('.'),
              requestId: args.contextValue.request.meta.requestId,
            };
            if (failure.code === 'INTERNAL_SERVER_ERROR') deps.logger.error(fields, 'graphql field failed');
            else if (failure.refusedByDatabase) {
              deps.logger.warn(
                { ...fields, reason: failure.reason },
                'the database refused a request that passed validation',
              );
            }
          }
        },
      };
    },
  };
}

/**
 * `/graphql` (SPEC §8) as a fetch-style handler: POST, and GET for queries (a mutation over GET is a 405);
 * JSON-array batches of up to `graphqlLimits.maxBatch`; GraphiQL and introspection outside production only.
 */
export function createGraphQLServer(options: { deps: Deps; production: boolean }) {
  const { deps, production } = options;
  return createYoga<GraphQLServerContext, GraphQLContext>({
    schema: graphqlSchema,
    graphqlEndpoint: '/graphql',
    landingPage: false,
    graphiql: !production,
    // GraphiQL from the installed package, inlined: yoga's default page loads it from a CDN.
    renderGraphiQL,
    batching: { limit: graphqlLimits.maxBatch },
    maskedErrors: { maskError },
    // yoga's own log lines (it logs every masked error) stay at debug; failures are logged by logFailures.
    logging: {
      debug: (...args) => deps.logger.debug({ yoga: args.map(String) }, 'graphql-yoga'),
      info: (...args) => deps.logger.debug({ yoga: args.map(String) }, 'graphql-yoga'),
      warn: (...args) => deps.logger.debug({ yoga: args.map(String) }, 'graphql-yoga'),
      error: (...args) => deps.logger.debug({ yoga: args.map(String) }, 'graphql-yoga'),
    },
    context: ({ graphql }) => createGraphQLContext(deps, graphql),
    plugins: [...limitPlugins({ production }), logFailures(deps)],
  });
}

export type GraphQLServer = ReturnType<typeof createGraphQLServer>;
