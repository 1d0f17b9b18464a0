import type { DB } from '@stayhub/db';
import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import type { Cache } from '../infra/cache/cache.ts';
import type { Clock } from '../infra/clock.ts';
import type { Failpoints } from '../infra/failpoints.ts';
import type { RateLimiter } from '../infra/limiter/limiter.ts';
import type { Mailer } from '../infra/mail/mailer.ts';
import type { PaymentProvider } from '../infra/payments/provider.ts';
import type { AppLinks } from './shared/app-links.ts';
import type { UserRateLimits } from './shared/user-rate-limits.ts';

/** What services need, passed in (never imported as singletons) so tests build their own. */
export interface Deps {
  db: Kysely<DB>;
  cache: Cache;
  limiter: RateLimiter;
  clock: Clock;
  mailer: Mailer;
  payments: PaymentProvider;
  logger: Logger;
  failpoints: Failpoints;
  /** Links into the app for emails, on PUBLIC_URL (SPEC §10). */
  links: AppLinks;
  /** Per-user budgets of repeatable writes (SPEC §10), from RATE_LIMIT_*_PER_MINUTE. */
  userRateLimits: UserRateLimits;
}
