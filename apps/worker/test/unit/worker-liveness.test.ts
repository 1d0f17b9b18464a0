import { judgeWorkerProcess, type RegisteredWorkerProcess, type WorkerHost } from '@stayhub/api/worker';
import { describe, expect, it } from 'vitest';

const self: WorkerHost = { hostname: 'host-a', pidNamespace: 'pid:[1]', pid: 100 };
const STALE_AFTER = 60_000;

const other = (overrides: Partial<RegisteredWorkerProcess> = {}): RegisteredWorkerProcess => ({
  workerProcessId: 'other',
  hostname: 'host-a',
  pidNamespace: 'pid:[1]',
  pid: 200,
  heartbeatAgeMs: 1_000,
  ...overrides,
});

const probedPids: number[] = [];
const pidsThatExist =
  (...alive: number[]) =>
  (pid: number) => {
    probedPids.push(pid);
    return alive.includes(pid);
  };

describe('judgeWorkerProcess', () => {
  it('judges a process on the same host and pid namespace dead at once when its pid is gone', () => {
    expect(judgeWorkerProcess(other(), self, STALE_AFTER, pidsThatExist())).toEqual({
      alive: false,
      reason: 'process_gone',
    });
  });

  it('judges a same-namespace process that holds our own pid dead (we took its pid after it died)', () => {
    expect(judgeWorkerProcess(other({ pid: 100 }), self, STALE_AFTER, pidsThatExist(100))).toEqual({
      alive: false,
      reason: 'process_gone',
    });
  });

  it('keeps a same-namespace process whose pid exists and whose heartbeat is fresh alive', () => {
    expect(judgeWorkerProcess(other(), self, STALE_AFTER, pidsThatExist(200))).toEqual({ alive: true });
  });

  it('never probes the pid of a process on another host, and keeps it alive while its heartbeat is fresh', () => {
    probedPids.length = 0;
    expect(judgeWorkerProcess(other({ hostname: 'host-b' }), self, STALE_AFTER, pidsThatExist())).toEqual({
      alive: true,
    });
    expect(probedPids).toEqual([]);
  });

  it('never probes a pid from another pid namespace on the same hostname (two containers, one hostname)', () => {
    probedPids.length = 0;
    expect(
      judgeWorkerProcess(other({ pidNamespace: 'pid:[2]', pid: 100 }), self, STALE_AFTER, pidsThatExist()),
    ).toEqual({ alive: true });
    expect(probedPids).toEqual([]);
  });

  it('judges any process dead once its heartbeat is older than the limit, even if its pid exists', () => {
    expect(
      judgeWorkerProcess(other({ heartbeatAgeMs: STALE_AFTER + 1 }), self, STALE_AFTER, pidsThatExist(200)),
    ).toEqual({ alive: false, reason: 'heartbeat_stale' });
    expect(
      judgeWorkerProcess(
        other({ hostname: 'host-b', heartbeatAgeMs: STALE_AFTER + 1 }),
        self,
        STALE_AFTER,
        pidsThatExist(),
      ),
    ).toEqual({ alive: false, reason: 'heartbeat_stale' });
  });

  it('keeps a heartbeat exactly at the limit alive', () => {
    expect(
      judgeWorkerProcess(
        other({ hostname: 'host-b', heartbeatAgeMs: STALE_AFTER }),
        self,
        STALE_AFTER,
        pidsThatExist(),
      ),
    ).toEqual({ alive: true });
  });

  it('treats two hosts without a known pid namespace (not Linux) by hostname alone', () => {
    const mac: WorkerHost = { hostname: 'laptop', pidNamespace: null, pid: 100 };
    expect(
      judgeWorkerProcess(
        other({ hostname: 'laptop', pidNamespace: null }),
        mac,
        STALE_AFTER,
        pidsThatExist(),
      ),
    ).toEqual({ alive: false, reason: 'process_gone' });
  });
});
