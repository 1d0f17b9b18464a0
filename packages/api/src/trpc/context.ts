import type { Deps } from '../domain/deps.ts';

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
}

/** Builds a context without HTTP: what the adapter calls, and what tests call directly. */
export function createContextInner(input: {
  deps: Deps;
  token?: string | null;
  meta?: Partial<RequestMeta>;
}): Context {
  return {
    deps: input.deps,
    token: input.token ?? null,
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
