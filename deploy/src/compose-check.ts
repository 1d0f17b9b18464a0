import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { DCLinter } from 'dclint';
import { parse } from 'yaml';
import { z } from 'zod';

/**
 * Checks a docker-compose file without a Docker engine: dclint validates it against the compose-spec JSON
 * schema (bundled in the package, nothing downloaded) and applies its rules, then `topologyProblems` checks
 * the shape docs/operations.md describes. Returns one line per problem; empty means the file is good.
 */
export function checkComposeFile(file: string, baseDir = path.dirname(file)): string[] {
  const linter = new DCLinter({
    rules: {
      // Style rules that fight a file ordered by start-up (databases, migrate, apps, proxy) and by concern.
      'services-alphabetical-order': 0,
      'service-keys-order': 0,
      'service-dependencies-alphabetical-order': 0,
      'require-quotes-in-ports': [2, { quoteType: 'double' }],
    },
    quiet: false,
    debug: false,
    exclude: [],
  });
  // dclint's declarations use extensionless imports that NodeNext cannot follow: parse what it returns.
  const lintProblems = lintResults
    .parse(linter.lintFiles([file], false))
    .flatMap((result) => result.messages.map((m) => `${m.rule} (line ${m.line}): ${m.message}`));
  // Anything dclint says (warnings too) fails, like Biome here; a file that fails the schema is not read on.
  if (lintProblems.length > 0) return lintProblems;
  const compose = composeSchema.safeParse(parse(readFileSync(file, 'utf8'), { merge: true }));
  if (!compose.success) return compose.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
  return topologyProblems(compose.data, baseDir);
}

const lintResults = z.array(
  z.object({ messages: z.array(z.object({ rule: z.string(), line: z.number(), message: z.string() })) }),
);

const dependency = z.object({ condition: z.string() });
const service = z.object({
  image: z.string().optional(),
  build: z.unknown().optional(),
  command: z.array(z.string()).optional(),
  depends_on: z.record(z.string(), dependency).optional(),
  ports: z.array(z.string()).optional(),
  volumes: z.array(z.string()).optional(),
  healthcheck: z.object({ test: z.unknown().optional(), disable: z.boolean().optional() }).optional(),
  deploy: z.object({ replicas: z.number().optional() }).optional(),
});
const composeSchema = z.object({ services: z.record(z.string(), service) });
type Compose = z.infer<typeof composeSchema>;
type Service = z.infer<typeof service>;

/** The stack's shape: what each service is, what it waits for, and that only the proxy is published. */
export function topologyProblems(compose: Compose, baseDir: string): string[] {
  const problems: string[] = [];
  const services = compose.services;
  const get = (name: string): Service | undefined => {
    const found = services[name];
    if (!found) problems.push(`service "${name}" is missing`);
    return found;
  };
  const expectImage = (name: string, prefix: string) => {
    const image = get(name)?.image;
    if (image !== undefined && !image.startsWith(prefix))
      problems.push(`${name} runs ${image}, not ${prefix}*`);
  };
  const expectDependency = (name: string, on: string, condition: string) => {
    const actual = services[name]?.depends_on?.[on]?.condition;
    if (actual !== condition) problems.push(`${name} must depend on ${on} with condition ${condition}`);
  };
  const expectHealthcheck = (name: string) => {
    const check = services[name]?.healthcheck;
    if (!check?.test || check.disable) problems.push(`${name} needs a healthcheck`);
  };
  const expectReplicas = (name: string, atLeast: number) => {
    const replicas = services[name]?.deploy?.replicas ?? 1;
    if (replicas < atLeast)
      problems.push(`${name} runs ${replicas} replica(s), expected at least ${atLeast}`);
  };
  const expectCompiledEntry = (name: string, entry: string) => {
    const app = get(name);
    if (!app) return;
    if (app.build === undefined) problems.push(`${name} must be built from this repository's Dockerfile`);
    const [runtime, script] = app.command ?? [];
    if (runtime !== 'node' || script !== entry) problems.push(`${name} must run \`node ${entry}\``);
  };

  expectImage('postgres', 'postgres:17');
  expectImage('redis', 'redis:7');
  expectImage('proxy', 'caddy:2');
  expectCompiledEntry('migrate', 'node_modules/@stayhub/db/dist/cli/migrate.js');
  expectCompiledEntry('server', 'node_modules/@stayhub/server/dist/main.js');
  expectCompiledEntry('worker', 'node_modules/@stayhub/worker/dist/main.js');
  for (const name of ['postgres', 'redis', 'server', 'proxy']) expectHealthcheck(name);
  expectDependency('migrate', 'postgres', 'service_healthy');
  for (const app of ['server', 'worker']) {
    expectDependency(app, 'migrate', 'service_completed_successfully');
    expectDependency(app, 'redis', 'service_healthy');
  }
  expectDependency('proxy', 'server', 'service_healthy');
  expectReplicas('server', 2);
  expectReplicas('worker', 2);

  const published = Object.entries(services).filter(([, s]) => (s.ports ?? []).length > 0);
  const publishedPorts = published.flatMap(([, s]) => s.ports ?? []);
  if (published.length !== 1 || published[0]?.[0] !== 'proxy' || publishedPorts.length !== 1) {
    problems.push(
      `only the proxy may publish a port, and one: found ${published.map(([n, s]) => `${n} ${s.ports}`).join('; ')}`,
    );
  }
  const proxyConfig = (services.proxy?.volumes ?? [])
    .map((volume) => volume.split(':'))
    .find(([, target]) => target === '/etc/caddy/Caddyfile');
  if (!proxyConfig?.[0])
    problems.push('proxy must mount a Caddyfile from the repository at /etc/caddy/Caddyfile');
  else if (!existsSync(path.resolve(baseDir, proxyConfig[0])))
    problems.push(`proxy mounts ${proxyConfig[0]}, which does not exist`);
  return problems;
}
