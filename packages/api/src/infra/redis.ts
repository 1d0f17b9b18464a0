import { Redis } from 'ioredis';
import type { Logger } from 'pino';

/** Reconnect delays double from 100 ms up to this cap, forever: Redis may come back at any time. */
const RECONNECT_MAX_MS = 5_000;
const CONNECT_TIMEOUT_MS = 2_000;
/** A command on a live but unresponsive Redis gives up after this long; callers then fall back. */
const COMMAND_TIMEOUT_MS = 1_000;

/** `redis://user:***@host:port/db` — the URL as it may appear in logs (SPEC §7: no secrets in logs). */
export function redactRedisUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return '(unparseable redis url)';
  }
}

/**
 * The one Redis connection a process shares between its cache and its rate limiter (SPEC §2: nothing
 * breaks without Redis). It fails fast instead of queueing: with no offline queue, a command issued
 * while Redis is unreachable rejects at once and the caller falls back (cache miss, in-process limits),
 * so an outage never stalls requests. Commands issued before the first `ready` also reject; await
 * `waitForRedis` at start-up if that matters. The connection is the caller's to `quit()`.
 *
 * Connection errors repeat on every reconnect attempt, so only the first error of an outage is logged
 * (a warning), and the recovery once (info).
 */
export function createRedis(url: string, logger: Logger): Redis {
  const target = redactRedisUrl(url);
  const password = passwordOf(url);
  const redis = new Redis(url, {
    enableOfflineQueue: false,
    maxRetriesPerRequest: 1,
    commandTimeout: COMMAND_TIMEOUT_MS,
    connectTimeout: CONNECT_TIMEOUT_MS,
    retryStrategy: (attempt) => Math.min(100 * 2 ** Math.min(attempt - 1, 10), RECONNECT_MAX_MS),
  });

  let down = false;
  redis.on('error', (error: Error) => {
    if (down) return;
    down = true;
    const message = password ? error.message.replaceAll(password, '***') : error.message;
    logger.warn(
      { redis: target, err: { message, code: errorCode(error) } },
      'redis unavailable; falling back to in-process cache and rate limits until it returns',
    );
  });
  redis.on('ready', () => {
    if (!down) return;
    down = false;
    logger.info({ redis: target }, 'redis reachable again');
  });
  return redis;
}

/** Resolves true once `redis` is ready, false if it is not within `timeoutMs` (it keeps reconnecting). */
export function waitForRedis(redis: Redis, timeoutMs: number): Promise<boolean> {
  if (redis.status === 'ready') return Promise.resolve(true);
  return new Promise((resolve) => {
    const onReady = () => {
      clearTimeout(timer);
      resolve(true);
    };
    const timer = setTimeout(() => {
      redis.off('ready', onReady);
      resolve(false);
    }, timeoutMs);
    redis.once('ready', onReady);
  });
}

function passwordOf(url: string): string | undefined {
  try {
    const { password } = new URL(url);
    return password ? decodeURIComponent(password) : undefined;
  } catch {
    return undefined;
  }
}

function errorCode(error: Error): string | undefined {
  return 'code' in error && typeof error.code === 'string' ? error.code : undefined;
}
