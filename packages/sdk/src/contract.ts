/**
 * The only module of the SDK that names `@stayhub/api`, and only for types. In the workspace these types
 * follow the routers as they change; `scripts/build.ts` replaces this module in the published declarations
 * with a generated, self-contained copy (plain object types, no `@stayhub/*`, zod, Kysely… imports), and
 * checks that the copy is identical to what this module says.
 */
import type { AppRouter, ErrorReason } from '@stayhub/api';
import type { TRPCBuiltRouter } from '@trpc/server';

type AppRootTypes = AppRouter['_def']['_config']['$types'];

/** What the server's errorFormatter sends (packages/api/src/trpc/init.ts): TRPC code, reason, field errors. */
export type StayHubErrorShape = AppRootTypes['errorShape'];

/** The stable machine-readable reasons of SPEC §5 (`EMAIL_TAKEN`, `DATES_UNAVAILABLE`, …). */
export type StayHubErrorReason = ErrorReason;

/**
 * The API as a client sees it: every procedure's input and output, the error shape and the transformer,
 * without the server's context type (which would drag the database, cache and job types along).
 */
export type StayHubRouter = TRPCBuiltRouter<
  { ctx: object; meta: object; errorShape: StayHubErrorShape; transformer: AppRootTypes['transformer'] },
  AppRouter['_def']['record']
>;
