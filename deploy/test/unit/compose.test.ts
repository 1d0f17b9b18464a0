import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkComposeFile } from '../../src/compose-check.ts';
import { plant, readRepoFile, repoRoot, tempFile } from '../support/repo.ts';

const compose = readRepoFile('docker-compose.yml');
/** A planted variant of docker-compose.yml, checked as if it stood in the repository root. */
const checkPlanted = (from: string | RegExp, to: string) =>
  checkComposeFile(tempFile('docker-compose.yml', plant(compose, from, to)), repoRoot);

describe('docker-compose.yml', () => {
  it('passes the compose-spec schema, the dclint rules and the topology checks', () => {
    expect(checkComposeFile(path.join(repoRoot, 'docker-compose.yml'))).toEqual([]);
  });

  it('fails on a key the compose spec does not have, or a value of the wrong type', () => {
    expect(checkPlanted('restart: unless-stopped', 'restarts: unless-stopped').join('\n')).toMatch(
      /invalid-schema/,
    );
    expect(checkPlanted('replicas: 2', 'replicas: [2]').join('\n')).toMatch(/invalid-schema/);
  });

  it('fails on YAML that does not parse', () => {
    expect(checkPlanted('services:\n', 'services:\n  - [\n').join('\n')).toMatch(/invalid-yaml/);
  });

  it('fails when the servers or the workers run a single replica', () => {
    expect(checkPlanted(/replicas: 2/, 'replicas: 1')).toContainEqual(
      'server runs 1 replica(s), expected at least 2',
    );
    expect(checkPlanted(/(worker:[\s\S]*?)replicas: 2/, '$1replicas: 1')).toContainEqual(
      'worker runs 1 replica(s), expected at least 2',
    );
  });

  it('fails when a server publishes its own port next to the proxy', () => {
    expect(
      checkPlanted('    expose:\n      - "3000"', '    ports:\n      - "127.0.0.1:3000:3000"').join('\n'),
    ).toMatch(/only the proxy may publish a port/);
  });

  it('fails when the apps do not wait for the migrations, or the proxy for a healthy server', () => {
    expect(
      checkPlanted(
        'migrate: { condition: service_completed_successfully }',
        'migrate: { condition: service_started }',
      ),
    ).toContainEqual('server must depend on migrate with condition service_completed_successfully');
    expect(
      checkPlanted('server: { condition: service_healthy }', 'server: { condition: service_started }'),
    ).toContainEqual('proxy must depend on server with condition service_healthy');
  });

  it('fails when a service others wait for has no healthcheck', () => {
    expect(
      checkPlanted(/(redis:\n[\s\S]*?)healthcheck:\n(\s+test:.*\n)(\s+\w+: .*\n)+/, '$1'),
    ).toContainEqual('redis needs a healthcheck');
  });

  it('fails when an app runs TypeScript through tsx instead of the compiled build', () => {
    const problems = checkPlanted(
      '["node", "node_modules/@stayhub/worker/dist/main.js"]',
      '["node", "--import", "tsx", "apps/worker/src/main.ts"]',
    );
    expect(problems).toContainEqual('worker must run `node node_modules/@stayhub/worker/dist/main.js`');
  });

  it('fails when the proxy config it mounts is not in the repository', () => {
    expect(checkPlanted('./deploy/proxy/Caddyfile', './deploy/proxy/Caddyfile.missing')).toContainEqual(
      'proxy mounts ./deploy/proxy/Caddyfile.missing, which does not exist',
    );
  });

  it('fails on the wrong PostgreSQL or Redis major', () => {
    expect(checkPlanted('image: postgres:17', 'image: postgres:16')).toContainEqual(
      'postgres runs postgres:16, not postgres:17*',
    );
    expect(checkPlanted('image: redis:7', 'image: redis:6')).toContainEqual(
      'redis runs redis:6, not redis:7*',
    );
  });
});
