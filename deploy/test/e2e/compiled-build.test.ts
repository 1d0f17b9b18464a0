import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { createPool } from '@stayhub/db';
import { useTestDatabase } from '@stayhub/db/testing';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { appEnv, eventually, freePort, startApp } from '../../../apps/server/test/support/processes.ts';
import { repoRoot } from '../support/repo.ts';

const run = promisify(execFile);
const pnpm = (...args: string[]) =>
  run(process.execPath, [path.join(repoRoot, 'scripts/pnpm.mjs'), ...args], { cwd: repoRoot });

const database = await useTestDatabase();
const dataDir = await mkdtemp(path.join(tmpdir(), 'stayhub-compiled-'));
afterAll(() => rm(dataDir, { recursive: true, force: true }));
const env = appEnv({ databaseUrl: database.url, dataDir, label: 'compiled' });

// The packages the image runs (not the SDK: its own tests build it), compiled the way `pnpm build` does.
beforeAll(async () => {
  await pnpm('--filter-prod', '@stayhub/deploy...', 'run', 'build');
}, 300_000);

/** Plain node, no loader: what the image's CMD does. Resolves when the process has exited. */
const node = (args: string[], extraEnv: Record<string, string>) =>
  run(process.execPath, args, { cwd: repoRoot, env: { PATH: process.env.PATH ?? '', ...extraEnv } });

describe('the compiled build', () => {
  it('emits JavaScript with source maps and no TypeScript specifiers', async () => {
    const main = await readFile(path.join(repoRoot, 'apps/server/dist/main.js'), 'utf8');
    expect(main).toMatch(/from ["']\.\/app\.js["']/);
    expect(main).not.toMatch(/from ["'][^"']+\.ts["']/);
    expect(main).toContain('//# sourceMappingURL=main.js.map');
    const apiFiles = await readdir(path.join(repoRoot, 'packages/api/dist'), { recursive: true });
    expect(apiFiles.filter((f) => f.endsWith('.ts'))).toEqual([]);
    expect(apiFiles).toContain('index.js.map');
  });

  it('migrates an empty database with the compiled migrate CLI', async () => {
    const admin = createPool({ connectionString: inject('dbServerUrl'), max: 1 });
    const name = `stayhub_compiled_${process.pid}_${Date.now()}`;
    await admin.query(`create database ${name}`);
    try {
      const url = new URL(inject('dbServerUrl'));
      url.pathname = `/${name}`;
      const migrate = path.join(repoRoot, 'packages/db/dist/cli/migrate.js');
      const latest = await node([migrate, 'latest'], { DATABASE_URL: url.href });
      expect(latest.stdout).toContain('graphile-worker schema up to date');
      const status = await node([migrate, 'status'], { DATABASE_URL: url.href });
      expect(status.stdout).not.toContain('pending');
      expect(status.stdout).toContain('applied');
    } finally {
      await admin.query(`drop database if exists ${name} with (force)`);
      await admin.end();
    }
  });

  it('serves the API from node apps/server/dist/main.js, then drains on SIGTERM', async () => {
    const port = await freePort();
    const server = startApp('server', { ...env, PORT: String(port) }, { compiled: true });
    try {
      const ready = await eventually(async () => {
        const res = await fetch(`http://127.0.0.1:${port}/readyz`);
        return res.status === 200 ? res.json() : undefined;
      });
      expect(ready).toMatchObject({ ready: true, database: true });
      const health = await fetch(`http://127.0.0.1:${port}/trpc/health`);
      expect(health.status).toBe(200);
    } finally {
      expect(await server.terminate()).toBe(0);
    }
    expect(server.output()).toContain('shut down cleanly');
  });

  it('runs the worker from node apps/worker/dist/main.js, then stops on SIGTERM', async () => {
    const worker = startApp('worker', env, { compiled: true });
    try {
      await eventually(async () => (worker.output().includes('StayHub worker running') ? true : undefined));
    } finally {
      expect(await worker.terminate()).toBe(0);
    }
    expect(worker.output()).toContain('shut down cleanly');
  });
});

describe('the image contents (pnpm deploy --prod, as the Dockerfile runs it)', () => {
  const target = path.join(tmpdir(), `stayhub-image-${process.pid}-${Date.now()}`);
  afterAll(() => rm(target, { recursive: true, force: true }));

  it('hold no dev dependency and start the server with production dependencies alone', async () => {
    await pnpm('--filter=@stayhub/deploy', '--prod', 'deploy', '--legacy', target);
    const store = await readdir(path.join(target, 'node_modules/.pnpm'));
    for (const devOnly of [
      'vitest@',
      'tsx@',
      '@biomejs+',
      'turbo@',
      'kysely-codegen@',
      'esbuild@',
      '@stayhub+sdk@',
    ])
      expect(store.filter((entry) => entry.startsWith(devOnly))).toEqual([]);
    const serverDir = path.join(target, 'node_modules/@stayhub/server');
    expect(existsSync(path.join(serverDir, 'dist/main.js'))).toBe(true);
    expect(existsSync(path.join(serverDir, 'src'))).toBe(false);

    const port = await freePort();
    const child = execFile(process.execPath, [path.join(serverDir, 'dist/main.js')], {
      cwd: target,
      env: { PATH: process.env.PATH ?? '', ...env, NODE_ENV: 'production', PORT: String(port) },
    });
    const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
    try {
      const ready = await eventually(async () => {
        const res = await fetch(`http://127.0.0.1:${port}/readyz`);
        return res.status === 200 ? res.json() : undefined;
      });
      expect(ready).toMatchObject({ ready: true, database: true });
    } finally {
      child.kill('SIGTERM');
    }
    expect(await exited).toBe(0);
  }, 180_000);
});
