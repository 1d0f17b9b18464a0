export { type Config, ConfigError, loadConfig } from './config.ts';
export { hashPassword, verifyPassword } from './domain/auth/password.ts';
export type { Deps } from './domain/deps.ts';
export { type ErrorReason, errorReasons } from './domain/errors.ts';
export { checkHealth } from './domain/health/health.service.ts';
export { createCache } from './infra/cache/create-cache.ts';
export { type Clock, ManualClock, systemClock } from './infra/clock.ts';
export { readMailbox, type StoredMail } from './infra/mail/dev-mailbox.ts';
export { createRedis } from './infra/redis.ts';
export { enqueue } from './jobs/enqueue.ts';
export { currentWorkerHost, type WorkerHost } from './jobs/recovery/worker-host.ts';
export {
  judgeWorkerProcess,
  type Liveness,
  type RegisteredWorkerProcess,
} from './jobs/recovery/worker-liveness.rules.ts';
export {
  DEFAULT_STALE_AFTER_MS,
  type RecoveredWorkerProcess,
  recoverDeadWorkerProcesses,
} from './jobs/recovery/worker-recovery.service.ts';
export {
  deregisterWorkerProcess,
  type RegistryWrite,
  recordWorkerProcess,
  registerWorkerProcess,
} from './jobs/recovery/worker-registration.service.ts';
export { createTaskList, crontab } from './jobs/task-list.ts';
export { createLogger } from './logger.ts';
export { type AppRouter, appRouter } from './routers/app.router.ts';
export { dataDir, openRuntime, type Runtime, resolveDatabase } from './runtime.ts';
export { onShutdownSignal } from './shutdown.ts';
export { bearerToken, type Context, createContextInner, type RequestMeta } from './trpc/context.ts';
export { transformer } from './trpc/transformer.ts';
