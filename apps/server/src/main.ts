import { createLogger, loadConfig, onShutdownSignal, openRuntime } from '@stayhub/api/runtime';
import { buildServer } from './app.ts';

/** `pnpm --filter @stayhub/server start`: serve until SIGTERM/SIGINT, then drain and close. */
const config = loadConfig();
const logger = createLogger({ level: config.LOG_LEVEL, name: 'stayhub-server' });
const runtime = await openRuntime(config, logger, { applicationName: 'stayhub-server' });
const app = await buildServer({ deps: runtime.deps, config, logger, metrics: runtime.metrics });

onShutdownSignal(logger, config.SHUTDOWN_GRACE_MS, async () => {
  // close(): stop accepting, let in-flight requests finish, then the pools.
  await app.close();
  await runtime.close();
});

const address = await app.listen({ host: config.HOST, port: config.PORT });
logger.info({ url: address }, 'StayHub API listening');
