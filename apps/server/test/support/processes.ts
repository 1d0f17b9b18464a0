import { type ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../..');

export { freePort } from '@stayhub/db/testing';

/**
 * The environment a started app needs in a test: its database, a data folder of its own, and Redis under
 * a key prefix of its own when REDIS_URL is set (without it the app uses its in-process cache).
 */
export function appEnv(options: {
  databaseUrl: string;
  dataDir: string;
  label: string;
}): Record<string, string> {
  return {
    DATABASE_URL: options.databaseUrl,
    DATA_DIR: options.dataDir,
    ...(process.env.REDIS_URL
      ? { REDIS_URL: process.env.REDIS_URL, REDIS_PREFIX: `stayhub-${options.label}-${process.pid}:` }
      : {}),
  };
}

export interface ProcessExit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

export interface AppProcess {
  child: ChildProcess;
  /** The process's own pid (tsx runs in-process through --import, so no wrapper process sits between). */
  pid: number;
  output: () => string;
  /** Settles when the process has exited, however it ended (a failpoint SIGKILLs the process itself). */
  exited: Promise<ProcessExit>;
  /** SIGTERM, then the exit code (null if killed by a signal). */
  terminate(): Promise<number | null>;
  /** SIGKILL — a crash: no handler runs, nothing is cleaned up. Resolves once the process is gone. */
  crash(): Promise<ProcessExit>;
}

/**
 * Starts one of the real entry points as its own process: apps/<app>/src/main.ts through tsx (the workspace
 * packages' TypeScript sources, by the `@stayhub/source` export condition), or with `compiled` the built
 * apps/<app>/dist/main.js with plain node, as production runs it. `preload` modules are `--import`ed after tsx.
 */
export function startApp(
  app: 'server' | 'worker',
  env: Record<string, string>,
  options: { compiled?: boolean; preload?: string[] } = {},
): AppProcess {
  const preload = (options.preload ?? []).flatMap((module) => ['--import', module]);
  const args = options.compiled
    ? [...preload, path.join(repoRoot, `apps/${app}/dist/main.js`)]
    : [
        '--conditions=@stayhub/source',
        '--import',
        'tsx',
        ...preload,
        path.join(repoRoot, `apps/${app}/src/main.ts`),
      ];
  const child = spawn(process.execPath, args, {
    cwd: repoRoot,
    env: { PATH: process.env.PATH ?? '', LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  if (child.pid === undefined) throw new Error(`could not start apps/${app}`);
  const exited = new Promise<ProcessExit>((resolve) => {
    child.once('exit', (code, signal) => resolve({ code, signal }));
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  return {
    child,
    pid: child.pid,
    output: () => output,
    exited,
    terminate: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      return (await exited).code;
    },
    crash: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      return exited;
    },
  };
}

/** Polls `check` until it returns a value (not undefined) or the time runs out. */
export async function eventually<T>(check: () => Promise<T | undefined>, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check().catch(() => undefined);
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
