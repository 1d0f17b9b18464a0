import type pg from 'pg';
import { Gauge, type Registry } from 'prom-client';

/**
 * `stayhub_pg_pool_connections{state}`: the process pool's connections, read at scrape time — `total`
 * open, `idle` among them, and `waiting` (callers queued for a connection: the pool is exhausted).
 */
export function registerPoolMetrics(
  registry: Registry,
  pool: Pick<pg.Pool, 'totalCount' | 'idleCount' | 'waitingCount'>,
): void {
  new Gauge({
    name: 'stayhub_pg_pool_connections',
    help: 'Connections of the PostgreSQL pool: total open, idle, and callers waiting for one.',
    labelNames: ['state'] as const,
    registers: [registry],
    collect() {
      this.set({ state: 'total' }, pool.totalCount);
      this.set({ state: 'idle' }, pool.idleCount);
      this.set({ state: 'waiting' }, pool.waitingCount);
    },
  });
}
