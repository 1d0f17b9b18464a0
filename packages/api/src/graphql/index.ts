/**
 * `@stayhub/api/graphql`: the GraphQL surface (SPEC §8) over the same services as tRPC — the schema, and a
 * fetch-style yoga handler the HTTP host mounts at `/graphql`.
 */
export { graphqlLimits } from './limits.ts';
export { graphqlSchema } from './schema.ts';
export { createGraphQLServer, type GraphQLServer, type GraphQLServerContext } from './server.ts';
