/**
 * `@stayhub/api/runtime`: the composition root and what a process needs around it — config, logger,
 * shutdown, health — for the server, the worker and the scripts. Loads no router.
 */
export { type Config, loadConfig } from '../config.ts';
export { hashPassword, verifyPassword } from '../domain/auth/password.ts';
export type { Deps } from '../domain/deps.ts';
export { checkHealth } from '../domain/health/health.service.ts';
export { createCache } from '../infra/cache/create-cache.ts';
export { ManualClock } from '../infra/clock.ts';
export { readMailbox } from '../infra/mail/dev-mailbox.ts';
export { createMetricsRegistry } from '../infra/metrics/registry.ts';
export { createRedis } from '../infra/redis.ts';
export { enqueue } from '../jobs/enqueue.ts';
export { createLogger } from '../logger.ts';
export { dataDir, openRuntime, resolveDatabase } from '../runtime.ts';
export { onShutdownSignal } from '../shutdown.ts';
