import { createLogger, loadConfig, onShutdownSignal, openRuntime } from '@stayhub/api';
import { startWorker } from './worker.ts';

/** `pnpm --filter @stayhub/worker start`: run jobs until SIGTERM/SIGINT, then finish running jobs and exit. */
const config = loadConfig();
const logger = createLogger({ level: config.LOG_LEVEL, name: 'stayhub-worker' });
const runtime = await openRuntime(config, logger, {
  poolMax: config.WORKER_CONCURRENCY + 2,
  applicationName: 'stayhub-worker-services',
});
const worker = await startWorker({
  deps: runtime.deps,
  databaseUrl: runtime.databaseUrl,
  concurrency: config.WORKER_CONCURRENCY,
  pollIntervalMs: config.WORKER_POLL_INTERVAL_MS,
  logger,
});

onShutdownSignal(logger, config.SHUTDOWN_GRACE_MS, async () => {
  await worker.stop();
  await runtime.close();
});
logger.info({ concurrency: config.WORKER_CONCURRENCY }, 'StayHub worker running');
