import type { DB } from '@stayhub/db';
import { type Kysely, sql } from 'kysely';

/**
 * Where the cache epoch lives (migration 0014): in Postgres, which is what survives a Redis outage. Every
 * Redis cache key carries the epoch; bumping it retires the whole cache at once (redis-cache.ts).
 */
export interface CacheEpochs {
  read(): Promise<number>;
  /** A new epoch, durably; returns it. */
  bump(): Promise<number>;
}

export function postgresCacheEpochs(db: Kysely<DB>): CacheEpochs {
  return {
    read: async () => {
      const row = await db.selectFrom('cache_epoch').select('epoch').executeTakeFirstOrThrow();
      return row.epoch;
    },
    bump: async () => {
      const row = await db
        .updateTable('cache_epoch')
        .set({ epoch: sql`epoch + 1`, bumped_at: sql`now()` })
        .returning('epoch')
        .executeTakeFirstOrThrow();
      return row.epoch;
    },
  };
}
