import type { Viewer } from '../domain/auth/viewer.ts';
import type { Deps } from '../domain/deps.ts';
import { type Context, createContextInner, type RequestMeta } from '../trpc/context.ts';
import { createLoaders, type Loaders } from './loaders.ts';

/**
 * Per request: the same context the tRPC adapter builds (bearer token → viewer, resolved at most once per
 * request, with the same session checks), and a fresh set of DataLoaders, so nothing is shared between
 * requests or viewers.
 */
export interface GraphQLContext {
  request: Context;
  /** The signed-in viewer; UNAUTHENTICATED without a token or with one that does not authenticate. */
  viewer(): Promise<Viewer>;
  /**
   * Null for an anonymous request; a token that does not authenticate fails, as on tRPC's viewer-aware
   * procedures, rather than silently answering as anonymous.
   */
  optionalViewer(): Promise<Viewer | null>;
  loaders: Loaders;
}

/** What the HTTP host knows of a request. */
export interface GraphQLRequestInfo {
  token: string | null;
  meta: Partial<RequestMeta>;
}

export function createGraphQLContext(deps: Deps, info: GraphQLRequestInfo): GraphQLContext {
  const request = createContextInner({ deps, token: info.token, meta: info.meta });
  const optionalViewer = () => (request.token === null ? Promise.resolve(null) : request.resolveViewer());
  return {
    request,
    viewer: () => request.resolveViewer(),
    optionalViewer,
    loaders: createLoaders(deps, optionalViewer),
  };
}
