/** GraphQL over plain fetch: what any client (curl, Python, a BI tool) sends. */
export interface GraphQLAnswer {
  status: number;
  headers: Headers;
  body: {
    data?: Record<string, unknown> | null;
    errors?: { message: string; path?: (string | number)[]; extensions?: Record<string, unknown> }[];
  };
}

export async function graphql(
  origin: string,
  query: string,
  options: { variables?: Record<string, unknown>; token?: string | null } = {},
): Promise<GraphQLAnswer> {
  const response = await fetch(`${origin}/graphql`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      accept: 'application/graphql-response+json, application/json',
      ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
    },
    body: JSON.stringify({ query, variables: options.variables ?? {} }),
  });
  return { status: response.status, headers: response.headers, body: await response.json() };
}

/** The `{ code, reason }` of each error of an answer. */
export function refusalsOf(answer: GraphQLAnswer): { code: unknown; reason: unknown }[] {
  return (answer.body.errors ?? []).map((error) => ({
    code: error.extensions?.code,
    reason: error.extensions?.reason,
  }));
}
