import { createLogger, loadConfig, onShutdownSignal, openRuntime } from '@stayhub/api/runtime';
import { surviveUnhandledRejections } from './database-blips.ts';
import { GatedPool } from './gated-pool.ts';
import { startWorker } from './worker.ts';

/** `pnpm --filter @stayhub/worker start`: run jobs until SIGTERM/SIGINT, then finish running jobs and exit. */
const config = loadConfig();
const logger = createLogger({ level: config.LOG_LEVEL, name: 'stayhub-worker' });
surviveUnhandledRejections(logger);
// One pool for graphile-worker and the services its tasks call (STYLE "Jobs": ≥ concurrency + 2): a
// connection per running job (its transaction, then its completion), plus LISTEN, cron and the registry.
const runtime = await openRuntime(config, logger, {
  poolMax: config.WORKER_CONCURRENCY + 3,
  applicationName: 'stayhub-worker',
  createPool: (options) => new GatedPool(options),
});
const worker = await startWorker({
  deps: runtime.deps,
  pgPool: runtime.pool,
  concurrency: config.WORKER_CONCURRENCY,
  pollIntervalMs: config.WORKER_POLL_INTERVAL_MS,
  logger,
});

onShutdownSignal(logger, config.SHUTDOWN_GRACE_MS, async () => {
  await worker.stop();
  await runtime.close();
});
logger.info({ concurrency: config.WORKER_CONCURRENCY }, 'StayHub worker running');
