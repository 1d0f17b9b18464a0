import { spawnSync } from 'node:child_process';
import { z } from 'zod';

/** Where the proxy sends traffic and where it listens: the compose service and port it must match. */
export const UPSTREAM = { name: 'server', port: '3000' };
export const LISTEN = ':80';

const adaptedConfig = z.object({
  apps: z.object({
    http: z.object({
      servers: z.record(
        z.string(),
        z.object({
          listen: z.array(z.string()),
          routes: z.array(
            z.object({
              match: z.array(z.looseObject({ path: z.array(z.string()).optional() })).optional(),
              handle: z.array(z.looseObject({ handler: z.string() })),
            }),
          ),
        }),
      ),
    }),
  }),
});
/** Where the servers serve Prometheus metrics: for the scraper on the internal network, not the public. */
export const METRICS_PATH = '/metrics';
const notFound = z.looseObject({
  handler: z.literal('static_response'),
  status_code: z.union([z.literal(404), z.literal('404')]),
});
const reverseProxy = z.object({
  handler: z.literal('reverse_proxy'),
  dynamic_upstreams: z.object({ source: z.string(), name: z.string(), port: z.string() }),
});

/**
 * Checks a Caddyfile with Caddy itself (`caddy adapt --validate`: the Caddyfile parser, then every module
 * provisioned, nothing started), then that the adapted config listens on :80 and load-balances over the
 * `server` service's replicas, and that it answers /metrics itself with a 404 before any proxying. Caddy is a Debian package (`apt-get install caddy`; .ci/run installs it).
 */
export function checkCaddyfile(file: string): string[] {
  const adapted = spawnSync('caddy', ['adapt', '--config', file, '--adapter', 'caddyfile', '--validate'], {
    encoding: 'utf8',
  });
  if (adapted.error) {
    throw new Error(
      `caddy could not run (${adapted.error.message}): install it with \`apt-get install caddy\``,
    );
  }
  if (adapted.status !== 0) return [`caddy adapt failed: ${adapted.stderr.trim()}`];
  const parsed = adaptedConfig.safeParse(JSON.parse(adapted.stdout));
  if (!parsed.success) return [`unexpected Caddy config: ${parsed.error.message}`];
  const servers = Object.values(parsed.data.apps.http.servers);
  const problems: string[] = [];
  if (!servers.some((s) => s.listen.includes(LISTEN))) problems.push(`no site listens on ${LISTEN}`);
  const proxies = servers
    .flatMap((s) => s.routes.flatMap((r) => r.handle))
    .flatMap((handler) => {
      const proxy = reverseProxy.safeParse(handler);
      return proxy.success ? [proxy.data.dynamic_upstreams] : [];
    });
  const toServers = proxies.some(
    (u) => u.source === 'a' && u.name === UPSTREAM.name && u.port === UPSTREAM.port,
  );
  if (!toServers)
    problems.push(
      `no reverse_proxy over the replicas of ${UPSTREAM.name}:${UPSTREAM.port} (dynamic a upstreams)`,
    );
  // Caddy runs a server's routes in order: the 404 must come before the first route that proxies.
  const refusesMetrics = servers.some((s) => {
    const firstProxy = s.routes.findIndex((r) => r.handle.some((h) => h.handler === 'reverse_proxy'));
    return s.routes
      .slice(0, firstProxy === -1 ? s.routes.length : firstProxy)
      .some(
        (r) =>
          r.match?.some((m) => m.path?.includes(METRICS_PATH)) &&
          r.handle.some((h) => notFound.safeParse(h).success),
      );
  });
  if (!refusesMetrics) problems.push(`the proxy forwards ${METRICS_PATH} instead of answering 404`);
  return problems;
}
