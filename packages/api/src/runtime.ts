import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  createDb,
  createPool,
  type EmbeddedHandle,
  embeddedDataDir,
  type PoolOptions,
  startEmbeddedPostgres,
} from '@stayhub/db';
import type pg from 'pg';
import type { Logger } from 'pino';
import type { Registry } from 'prom-client';
import type { Config } from './config.ts';
import type { Deps } from './domain/deps.ts';
import { appLinks } from './domain/shared/app-links.ts';
import { userRateLimits } from './domain/shared/user-rate-limits.ts';
import { createCache } from './infra/cache/create-cache.ts';
import { type Clock, systemClock } from './infra/clock.ts';
import { killAt } from './infra/failpoints.ts';
import { createRateLimiter } from './infra/limiter/create-limiter.ts';
import { createMailer } from './infra/mail/create-mailer.ts';
import { cacheMetrics } from './infra/metrics/cache-metrics.ts';
import { registerPoolMetrics } from './infra/metrics/pool-metrics.ts';
import { createMetricsRegistry } from './infra/metrics/registry.ts';
import { SimulatedPaymentProvider } from './infra/payments/simulated-provider.ts';
import { createRedis, waitForRedis } from './infra/redis.ts';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

/** Where local state lives when nothing else is configured: `<repo>/.data` (git-ignored). */
export const dataDir = (config: Pick<Config, 'DATA_DIR'>) => config.DATA_DIR ?? path.join(repoRoot, '.data');

/**
 * DATABASE_URL when set; otherwise the embedded PostgreSQL under the data folder (started here, or shared
 * when another StayHub process already runs it).
 */
export async function resolveDatabase(
  config: Pick<Config, 'DATABASE_URL' | 'DATA_DIR' | 'EMBEDDED_PG_PORT'>,
  logger: Logger,
): Promise<{ url: string; embedded: EmbeddedHandle | null }> {
  if (config.DATABASE_URL) return { url: config.DATABASE_URL, embedded: null };
  const embedded = await startEmbeddedPostgres({
    dataDir: embeddedDataDir(dataDir(config)),
    port: config.EMBEDDED_PG_PORT,
    log: (message) => logger.debug({ postgres: message.trim() }, 'embedded postgres'),
  });
  logger.info({ port: config.EMBEDDED_PG_PORT }, 'using embedded PostgreSQL');
  return { url: embedded.url, embedded };
}

/** PUBLIC_URL, or the server's own address when it is unset (.env.example). */
export const publicUrl = (config: Pick<Config, 'PUBLIC_URL' | 'HOST' | 'PORT'>) =>
  config.PUBLIC_URL ?? `http://${config.HOST}:${config.PORT}`;

export interface Runtime<P extends pg.Pool = pg.Pool> {
  deps: Deps;
  databaseUrl: string;
  /** The process's one database pool, behind `deps.db`; `close()` ends it. */
  pool: P;
  /**
   * The process's metrics registry (SPEC §11), holding default process metrics, the pool's connections and
   * the cache's reads; the server and the worker add their own series and serve it at `/metrics`.
   */
  metrics: Registry;
  close(): Promise<void>;
}

export interface RuntimeOptions<P extends pg.Pool> {
  poolMax?: number;
  clock?: Clock;
  applicationName?: string;
  /** Builds the pool (the worker's gated pool, say); a plain pg pool otherwise. */
  createPool?: (options: Required<PoolOptions>) => P;
}

/** The composition root shared by the server and the worker: every dependency built once from config. */
export async function openRuntime<P extends pg.Pool>(
  config: Config,
  logger: Logger,
  options: RuntimeOptions<P> & { createPool: (options: Required<PoolOptions>) => P },
): Promise<Runtime<P>>;
export async function openRuntime(
  config: Config,
  logger: Logger,
  options?: RuntimeOptions<pg.Pool>,
): Promise<Runtime>;
export async function openRuntime(
  config: Config,
  logger: Logger,
  options: RuntimeOptions<pg.Pool> = {},
): Promise<Runtime> {
  const database = await resolveDatabase(config, logger);
  const pool = (options.createPool ?? createPool)({
    connectionString: database.url,
    max: options.poolMax ?? config.DATABASE_POOL_MAX,
    applicationName: options.applicationName ?? 'stayhub',
    onError: (err) => logger.warn({ err }, 'idle database connection failed'),
  });
  const db = createDb({ pool });
  const metrics = createMetricsRegistry();
  registerPoolMetrics(metrics, pool);
  const redis = config.REDIS_URL ? createRedis(config.REDIS_URL, logger) : undefined;
  // Start with Redis connected when it is up; when it is down, start anyway (cache misses, local limits).
  if (redis && !(await waitForRedis(redis, 3_000)))
    logger.warn('Redis not reachable yet; continuing without it');
  const deps: Deps = {
    db,
    cache: createCache({
      redis,
      prefix: config.REDIS_PREFIX,
      logger,
      db,
      memoryBytes: config.CACHE_MEMORY_BYTES,
      metrics: cacheMetrics(metrics),
    }),
    limiter: createRateLimiter({ redis, prefix: config.REDIS_PREFIX, logger }),
    mailer: createMailer({
      smtpUrl: config.SMTP_URL,
      mailboxDir: path.join(dataDir(config), 'mailbox'),
      from: config.MAIL_FROM,
      logger,
    }),
    payments: new SimulatedPaymentProvider(db),
    clock: options.clock ?? systemClock,
    logger,
    failpoints: killAt(config.FAILPOINTS),
    links: appLinks(publicUrl(config)),
    userRateLimits: userRateLimits({
      messages: config.RATE_LIMIT_MESSAGES_PER_MINUTE,
      bookings: config.RATE_LIMIT_BOOKINGS_PER_MINUTE,
      reviews: config.RATE_LIMIT_REVIEWS_PER_MINUTE,
    }),
  };
  return {
    deps,
    databaseUrl: database.url,
    pool,
    metrics,
    close: async () => {
      await deps.cache.close();
      await redis?.quit().catch(() => redis.disconnect());
      await db.destroy();
      await database.embedded?.stop();
    },
  };
}
