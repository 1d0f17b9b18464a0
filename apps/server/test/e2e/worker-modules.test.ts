import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { useTestDatabase } from '@stayhub/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appEnv, eventually, startApp } from '../support/processes.ts';

/**
 * STYLE: the worker never imports routers. The real worker entry point runs here with a loader hook that
 * records every module it loads, so an import that drags the router tree (or tRPC, or the HTTP host) into
 * the worker process fails this test, however indirect the path.
 */
const database = await useTestDatabase();
const recorder = fileURLToPath(new URL('../support/record-loads/register.mjs', import.meta.url));

let dir: string;
let loaded: string[];
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'stayhub-loads-'));
  const file = path.join(dir, 'loaded.txt');
  const worker = startApp(
    'worker',
    { ...appEnv({ databaseUrl: database.url, dataDir: dir, label: 'modules' }), RECORD_LOADS_FILE: file },
    { preload: [recorder] },
  );
  try {
    await eventually(
      async () => (worker.output().includes('StayHub worker running') ? true : undefined),
      60_000,
    );
  } finally {
    expect(await worker.terminate()).toBe(0);
  }
  loaded = (await readFile(file, 'utf8')).split('\n').filter(Boolean);
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const api = (folder: string) => new RegExp(`/packages/api/src/${folder}/`);

describe('the worker process', () => {
  it('loads the task list, the services and the job catalog', () => {
    expect(loaded.some((url) => url.endsWith('/packages/api/src/jobs/task-list.ts'))).toBe(true);
    expect(loaded.some((url) => api('domain/bookings').test(url))).toBe(true);
    expect(loaded.some((url) => url.endsWith('/packages/api/src/jobs/catalog.ts'))).toBe(true);
  });

  it('loads no router, no tRPC layer and no wire schema', () => {
    expect(loaded.filter((url) => /\/packages\/api\/src\/(routers|trpc|schemas)\//.test(url))).toEqual([]);
    expect(loaded.filter((url) => url.endsWith('/packages/api/src/index.ts'))).toEqual([]);
  });

  it('loads neither tRPC nor the HTTP host', () => {
    expect(loaded.filter((url) => /\/node_modules\/(\.pnpm\/)?(@trpc|fastify)/.test(url))).toEqual([]);
    expect(loaded.filter((url) => url.includes('/apps/server/'))).toEqual([]);
  });
});
