/**
 * `@stayhub/api`: what the HTTP host needs to serve the API — the router, its type, the context and the
 * transformer — and the error reasons the SDK publishes. The worker imports `@stayhub/api/worker`, and both
 * processes build their dependencies through `@stayhub/api/runtime`.
 */
export { type ErrorReason, errorReasons } from './domain/errors.ts';
export { type AppRouter, appRouter } from './routers/app.router.ts';
export { type PublicResponse, publicResponses } from './routers/public-responses.ts';
export { bearerToken, type Context, createContextInner } from './trpc/context.ts';
export { transformer } from './trpc/transformer.ts';
