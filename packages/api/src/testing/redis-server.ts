import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { freePort } from '@stayhub/db/testing';
import pino from 'pino';
import { createRedis, waitForRedis } from '../infra/redis.ts';

const silent = pino({ level: 'silent' });

/**
 * A redis-server of a test's own (the `redis-server` binary on PATH), on a free port, keeping its snapshot
 * in a folder of its own: `kill()` is a crash, and `start()` again loads what the last `save()` wrote —
 * a Redis with persistence coming back with the entries it had before the outage.
 */
export class RedisServer {
  private process: ChildProcess | undefined;

  private constructor(
    readonly port: number,
    private readonly dir: string,
  ) {}

  static async create(): Promise<RedisServer> {
    return new RedisServer(await freePort(), await mkdtemp(path.join(tmpdir(), 'stayhub-redis-')));
  }

  get url(): string {
    return `redis://127.0.0.1:${this.port}`;
  }

  async start(): Promise<void> {
    this.process = spawn(
      'redis-server',
      [
        '--port',
        String(this.port),
        '--bind',
        '127.0.0.1',
        '--dir',
        this.dir,
        '--save',
        '',
        '--appendonly',
        'no',
      ],
      { stdio: 'ignore' },
    );
    await this.withClient(async () => undefined);
  }

  /** Writes the snapshot the next start loads (SAVE). */
  async save(): Promise<void> {
    await this.withClient((redis) => redis.save());
  }

  /** SIGKILL: nothing is written on the way down. */
  async kill(): Promise<void> {
    const running = this.process;
    if (!running || running.exitCode !== null || running.signalCode !== null) return;
    running.kill('SIGKILL');
    await once(running, 'exit');
    this.process = undefined;
  }

  /** Kills the server and removes its folder. */
  async dispose(): Promise<void> {
    await this.kill();
    await rm(this.dir, { recursive: true, force: true });
  }

  private async withClient<T>(use: (redis: ReturnType<typeof createRedis>) => Promise<T>): Promise<T> {
    const redis = createRedis(this.url, silent);
    try {
      if (!(await waitForRedis(redis, 10_000)))
        throw new Error(`redis-server on ${this.port} is not answering`);
      return await use(redis);
    } finally {
      redis.disconnect();
    }
  }
}
