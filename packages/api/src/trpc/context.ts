import { authenticate } from '../domain/auth/session.service.ts';
import type { Viewer } from '../domain/auth/viewer.ts';
import type { Deps } from '../domain/deps.ts';
import { UnauthenticatedError } from '../domain/errors.ts';

export interface RequestMeta {
  requestId: string;
  ip: string | null;
  userAgent: string | null;
}

export interface Context {
  deps: Deps;
  /** The bearer token as sent; resolved to a viewer only by procedures that need one. */
  token: string | null;
  meta: RequestMeta;
  /**
   * The viewer behind the bearer token, resolved at most once per request: every call of a batch shares
   * the lookup (and its sliding-expiry touch) instead of authenticating again.
   */
  resolveViewer(): Promise<Viewer>;
}

/** Builds a context without HTTP: what the adapter calls, and what tests call directly. */
export function createContextInner(input: {
  deps: Deps;
  token?: string | null;
  meta?: Partial<RequestMeta>;
}): Context {
  const token = input.token ?? null;
  let viewer: Promise<Viewer> | undefined;
  return {
    deps: input.deps,
    token,
    resolveViewer: () => {
      viewer ??= token ? authenticate(input.deps, token) : Promise.reject(new UnauthenticatedError());
      return viewer;
    },
    meta: {
      requestId: input.meta?.requestId ?? 'internal',
      ip: input.meta?.ip ?? null,
      userAgent: input.meta?.userAgent ?? null,
    },
  };
}

/** `Authorization: Bearer <token>` → the token, or null for anything else. */
export function bearerToken(header: string | string[] | undefined): string | null {
  const value = Array.isArray(header) ? header[0] : header;
  const match = value?.match(/^Bearer\s+(\S+)\s*$/i);
  return match?.[1] ?? null;
}
