import { z } from 'zod';

/**
 * Where a procedure answers under `/api/v1` (SPEC §8), declared next to the procedure itself:
 * `.meta({ openapi: { method: 'GET', path: '/properties/{propertyId}', tags: ['properties'] } })`.
 * `{name}` segments are input fields; a GET (or DELETE) reads the other fields from the query string,
 * any other method from the JSON body. `protect` says the procedure needs a bearer token (its base is
 * authed, host or admin), which the OpenAPI document states as its security.
 */
export const restMethods = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] as const;
export type RestMethod = (typeof restMethods)[number];

export interface RestRoute {
  method: RestMethod;
  /** Below `/api/v1`, starting with `/`; `{field}` names a path parameter. */
  path: `/${string}`;
  tags: string[];
  /** A bearer token is required (authed, host and admin bases). */
  protect?: boolean;
  summary?: string;
}

/** What `.meta()` must hold for a route to count: tRPC's meta is `unknown` on a built procedure. */
export const restRouteSchema = z.object({
  method: z.enum(restMethods),
  path: z
    .string()
    .regex(/^(\/([A-Za-z0-9_-]+|\{[A-Za-z][A-Za-z0-9]*\}))+$/, 'a path like /bookings/{bookingId}'),
  tags: z.array(z.string()).min(1),
  protect: z.boolean().optional(),
  summary: z.string().optional(),
});

/** The `{name}` parameters of a route path, in order. */
export function pathParameters(path: string): string[] {
  return [...path.matchAll(/\{([A-Za-z][A-Za-z0-9]*)\}/g)].map((match) => match[1] ?? '');
}
