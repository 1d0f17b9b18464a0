/**
 * `@stayhub/api`: what the HTTP host needs to serve the API — the router, its type, the context, the
 * transformer, and the REST operations generated from the router (SPEC §8) — and the error reasons the SDK
 * publishes. The worker imports `@stayhub/api/worker`, and both processes build their dependencies through
 * `@stayhub/api/runtime`.
 */
export { type ErrorReason, errorReasons } from './domain/errors.ts';
export { openApiDocument, REST_PREFIX } from './rest/openapi.ts';
export {
  callRest,
  type RestErrorBody,
  type RestRequest,
  type RestResult,
  restError,
  restInput,
} from './rest/rest-call.ts';
export { type RestOperation, restOperations } from './rest/rest-operations.ts';
export { type AppRouter, appRouter } from './routers/app.router.ts';
export { type PublicResponse, publicResponses } from './routers/public-responses.ts';
export { bearerToken, type Context, createContextInner } from './trpc/context.ts';
export { transformer } from './trpc/transformer.ts';
