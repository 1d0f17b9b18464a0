import { z } from 'zod';
import { failpointNames } from './infra/failpoints.ts';

/**
 * The one place that reads the environment (STYLE "Tooling"). Every key is documented in .env.example.
 * Unset DATABASE_URL → the embedded PostgreSQL; unset REDIS_URL → in-process cache and limiter;
 * unset SMTP_URL → the dev mailbox (SPEC §2, §6).
 */
const emptyAsUndefined = (value: unknown) => (value === '' ? undefined : value);
const optionalUrl = z.preprocess(emptyAsUndefined, z.url().optional());
const int = (fallback: number, min: number, max: number) =>
  z.preprocess(emptyAsUndefined, z.coerce.number().int().min(min).max(max).default(fallback));
const bool = (fallback: boolean) =>
  z.preprocess(
    emptyAsUndefined,
    z
      .enum(['true', 'false', '1', '0'])
      .default(fallback ? 'true' : 'false')
      .transform((v) => v === 'true' || v === '1'),
  );

export const configSchema = z
  .object({
    NODE_ENV: z.preprocess(
      emptyAsUndefined,
      z.enum(['development', 'test', 'production']).default('development'),
    ),
    HOST: z.preprocess(emptyAsUndefined, z.string().default('127.0.0.1')),
    PORT: int(3000, 0, 65_535),
    PUBLIC_URL: optionalUrl,
    DATABASE_URL: optionalUrl,
    DATABASE_POOL_MAX: int(10, 1, 200),
    EMBEDDED_PG_PORT: int(54329, 1024, 65_535),
    DATA_DIR: z.preprocess(emptyAsUndefined, z.string().optional()),
    /** A built web frontend (examples/web's `vite build` output) the server serves at `/`; unset: none. */
    WEB_DIST: z.preprocess(emptyAsUndefined, z.string().optional()),
    REDIS_URL: optionalUrl,
    REDIS_PREFIX: z.preprocess(emptyAsUndefined, z.string().default('stayhub:')),
    /**
     * The in-process cache's size (keys and JSON, in UTF-16 code units ≈ bytes): the whole cache without
     * Redis (0: no cache at all); with Redis, the near tier in front of it, kept in step across processes by
     * pub/sub (0: none).
     */
    CACHE_MEMORY_BYTES: int(64 * 1024 * 1024, 0, 8 * 1024 * 1024 * 1024),
    SMTP_URL: optionalUrl,
    MAIL_FROM: z.preprocess(emptyAsUndefined, z.string().default('StayHub <no-reply@stayhub.local>')),
    LOG_LEVEL: z.preprocess(
      emptyAsUndefined,
      z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    ),
    BODY_LIMIT_BYTES: int(1_048_576, 1_024, 50 * 1_048_576),
    TRPC_MAX_BATCH_SIZE: int(20, 1, 200),
    /** The server's own handler for plain tRPC calls (apps/server/src/trpc-fast-path.ts); false: the stock adapter only. */
    TRPC_FAST_PATH: bool(true),
    /**
     * Serialized public answers (properties.get, properties.search for anonymous callers) each server
     * process keeps, in UTF-16 code units ≈ bytes; they are sent again without calling the procedure. 0: none.
     */
    RESPONSE_CACHE_BYTES: int(32 * 1024 * 1024, 0, 8 * 1024 * 1024 * 1024),
    CORS_ORIGINS: z.preprocess(
      emptyAsUndefined,
      z
        .string()
        .default('')
        .transform((v) =>
          v
            .split(',')
            .map((s) => s.trim())
            .filter(Boolean),
        ),
    ),
    /**
     * Which proxies may set X-Forwarded-For (the client IP that per-IP rate limits count). Unset: none — the
     * socket address is the client. A number: that many hops. Otherwise comma-separated addresses/CIDRs.
     * `true` trusts every sender, so any client could pick its own IP: only behind a proxy that overwrites it.
     */
    TRUST_PROXY: z.preprocess(
      emptyAsUndefined,
      z
        .string()
        .default('false')
        .transform((v): boolean | number | string[] => {
          if (v === 'false') return false;
          if (v === 'true') return true;
          if (/^\d+$/.test(v)) return Number(v);
          return v
            .split(',')
            .map((s) => s.trim())
            .filter(Boolean);
        }),
    ),
    /**
     * Per-user budgets a minute (SPEC §10): messages started or sent, bookings created, reviews of either
     * kind. Generous on purpose (domain/shared/user-rate-limits.ts): scripts/bench/bookings.ts's first guest
     * books about 1,500 stays in its first minute.
     */
    RATE_LIMIT_MESSAGES_PER_MINUTE: int(120, 1, 1_000_000),
    RATE_LIMIT_BOOKINGS_PER_MINUTE: int(2_000, 1, 1_000_000),
    RATE_LIMIT_REVIEWS_PER_MINUTE: int(30, 1, 1_000_000),
    SHUTDOWN_GRACE_MS: int(10_000, 0, 120_000),
    WORKER_CONCURRENCY: int(5, 1, 100),
    WORKER_POLL_INTERVAL_MS: int(1_000, 50, 60_000),
    /**
     * The worker's `/metrics` port (on HOST). 0 or unset: no metrics server — a worker needs no port
     * otherwise, and several workers on one host would clash on a default one. The server serves its
     * `/metrics` on PORT.
     */
    METRICS_PORT: int(0, 0, 65_535),
    SEED_DEMO: bool(true),
    /** Crash tests only (infra/failpoints.ts): comma-separated failpoint names at which the process SIGKILLs itself. */
    FAILPOINTS: z.preprocess(
      emptyAsUndefined,
      z
        .string()
        .default('')
        .transform((v) =>
          v
            .split(',')
            .map((s) => s.trim())
            .filter(Boolean),
        )
        .pipe(z.array(z.enum(failpointNames))),
    ),
  })
  .refine((c) => c.NODE_ENV !== 'production' || c.FAILPOINTS.length === 0, {
    message: 'FAILPOINTS must not be set in production',
    path: ['FAILPOINTS'],
  });

export type Config = z.infer<typeof configSchema>;

export class ConfigError extends Error {}

export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const parsed = configSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new ConfigError(`invalid configuration: ${problems}`);
  }
  return parsed.data;
}
