import type { Deps } from '../../../src/domain/deps.ts';
import { createGraphQLServer, type GraphQLServer } from '../../../src/graphql/server.ts';

/** What a GraphQL request answers, as its client reads it. */
export interface GraphQLAnswer {
  status: number;
  data: Record<string, unknown> | null | undefined;
  errors: { message: string; path?: (string | number)[]; extensions?: Record<string, unknown> }[];
}

const servers = new WeakMap<Deps, GraphQLServer>();

/** Runs one operation through the real yoga server in-process (no HTTP), as `token`'s holder. */
export async function runGraphQL(
  deps: Deps,
  query: string,
  options: { variables?: Record<string, unknown>; token?: string | null } = {},
): Promise<GraphQLAnswer> {
  let yoga = servers.get(deps);
  if (!yoga) {
    yoga = createGraphQLServer({ deps, production: true });
    servers.set(deps, yoga);
  }
  const response = await yoga.fetch(
    'http://stayhub.test/graphql',
    {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json' },
      body: JSON.stringify({ query, variables: options.variables ?? {} }),
    },
    { graphql: { token: options.token ?? null, meta: { ip: '127.0.0.1', userAgent: 'vitest' } } },
  );
  const body = await response.json();
  return { status: response.status, data: body.data, errors: body.errors ?? [] };
}
