import { collectDefaultMetrics, Registry } from 'prom-client';

/**
 * The process's one metrics registry (SPEC §11: `/metrics` in Prometheus format), with Node's default
 * process metrics (CPU, memory, event loop lag, GC, handles) on it. Never prom-client's global registry:
 * two servers started in one test process would register the same series twice.
 *
 * Label values are always from a fixed set chosen by code (a procedure path, a task name, a cache key's
 * namespace, a state): never a user id, a token, an email or text a client sent.
 */
export function createMetricsRegistry(): Registry {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  return registry;
}
