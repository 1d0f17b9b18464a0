import { createLogger, loadConfig, onShutdownSignal, openRuntime } from '@stayhub/api/runtime';
import { surviveUnhandledRejections } from './database-blips.ts';
import { GatedPool } from './gated-pool.ts';
import { startMetricsServer } from './metrics-server.ts';
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
// Listening before any job is taken, so a port already in use fails the start, not a running worker.
const metricsServer =
  config.METRICS_PORT > 0
    ? await startMetricsServer({ registry: runtime.metrics, host: config.HOST, port: config.METRICS_PORT })
    : null;
const worker = await startWorker({
  deps: runtime.deps,
  pgPool: runtime.pool,
  concurrency: config.WORKER_CONCURRENCY,
  pollIntervalMs: config.WORKER_POLL_INTERVAL_MS,
  logger,
  metrics: runtime.metrics,
}).catch(async (err: unknown) => {
  await metricsServer?.close();
  throw err;
});

onShutdownSignal(logger, config.SHUTDOWN_GRACE_MS, async () => {
  await worker.stop();
  // Scrapeable while jobs finish; closed before the pool its queue depth reads from.
  await metricsServer?.close();
  await runtime.close();
});
logger.info(
  { concurrency: config.WORKER_CONCURRENCY, metricsPort: metricsServer?.port ?? null },
  'StayHub worker running',
);
