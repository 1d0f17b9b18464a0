import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkCaddyfile } from '../../src/proxy-check.ts';
import { plant, readRepoFile, repoRoot, tempFile } from '../support/repo.ts';

const caddyfile = readRepoFile('deploy/proxy/Caddyfile');
const checkPlanted = (from: string | RegExp, to: string) =>
  checkCaddyfile(tempFile('Caddyfile', plant(caddyfile, from, to)));

describe('the proxy config (deploy/proxy/Caddyfile)', () => {
  it('is accepted by Caddy, load-balances :80 over the server replicas and keeps /metrics to itself', () => {
    expect(checkCaddyfile(path.join(repoRoot, 'deploy/proxy/Caddyfile'))).toEqual([]);
  });

  it('fails on a directive Caddy does not know', () => {
    expect(
      checkPlanted('lb_policy round_robin', 'lb_policy round_robin\n\t\tretry_forever yes').join('\n'),
    ).toMatch(/caddy adapt failed: .*retry_forever/);
  });

  it('fails on a load-balancing policy Caddy does not have', () => {
    expect(checkPlanted('lb_policy round_robin', 'lb_policy fastest').join('\n')).toMatch(
      /caddy adapt failed/,
    );
  });

  it('fails when it proxies to another service or port than the compose servers', () => {
    expect(checkPlanted('name server', 'name api')).toEqual([
      'no reverse_proxy over the replicas of server:3000 (dynamic a upstreams)',
    ]);
    expect(checkPlanted('port 3000', 'port 8000')).toEqual([
      'no reverse_proxy over the replicas of server:3000 (dynamic a upstreams)',
    ]);
  });

  it('fails when it forwards /metrics to the servers instead of answering 404 itself', () => {
    expect(checkPlanted('\trespond @metrics 404\n', '')).toEqual([
      'the proxy forwards /metrics instead of answering 404',
    ]);
    expect(checkPlanted('respond @metrics 404', 'respond @metrics 200')).toEqual([
      'the proxy forwards /metrics instead of answering 404',
    ]);
    expect(checkPlanted('@metrics path /metrics /metrics/*', '@metrics path /metricz')).toEqual([
      'the proxy forwards /metrics instead of answering 404',
    ]);
  });

  it('fails when it listens elsewhere than the port compose publishes', () => {
    expect(checkPlanted(':80 {', ':8081 {')).toEqual(['no site listens on :80']);
  });
});
