export {
  type EmbeddedHandle,
  embeddedDataDir,
  startEmbeddedPostgres,
  withDatabase,
} from './embedded.ts';
export { migrateDown, migrateToLatest, migrateToZero, migrationStatus } from './migrator.ts';
export { createDb, createPool, type PoolOptions, typeParsers } from './pool.ts';
export {
  describeDatabaseUrl,
  EXIT_STARTUP_FAILURE,
  explainStartupFailure,
  failStartup,
  StartupError,
} from './startup-failure.ts';
export {
  type AfterCommitCallback,
  AfterCommitError,
  afterCommit,
  type Executor,
  inTransaction,
} from './transaction.ts';
export type * from './types.generated.ts';
