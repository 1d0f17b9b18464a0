import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { freePort } from '../support/processes.ts';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../..');
const asRoot = process.getuid?.() === 0;
const folders: string[] = [];
afterAll(() => Promise.all(folders.map((folder) => rm(folder, { recursive: true, force: true }))));

/** `mktemp -d`: a 0700 folder owned by the caller. */
async function privateFolder(): Promise<string> {
  const folder = await mkdtemp(path.join(tmpdir(), 'stayhub-start-'));
  folders.push(folder);
  return folder;
}

/** Runs a start command with a clean environment (no DATABASE_URL unless given) and collects its output. */
async function run(args: string[], env: Record<string, string>) {
  const child = spawn(process.execPath, args, {
    cwd: repoRoot,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => {
    stdout += chunk.toString();
  });
  child.stderr.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  const [code] = (await once(child, 'exit')) as [number | null];
  return { code, stdout, stderr };
}

const stack = ['--conditions=@stayhub/source', '--import', 'tsx', 'scripts/stack.ts'];

describe('npm start, when it cannot start', () => {
  it('explains in one paragraph, without a stack trace, that the embedded PostgreSQL cannot reach a 0700 folder', async () => {
    const folder = await privateFolder();
    const result = await run(['scripts/start.mjs'], {
      DATA_DIR: path.join(folder, 'data'),
      EMBEDDED_PG_PORT: String(await freePort()),
      PORT: String(await freePort()),
    });
    if (asRoot) {
      expect(result.code).not.toBe(0);
      expect(result.stderr).toContain(`cannot enter ${folder}`);
      expect(result.stderr).toMatch(/Move the project .* run it as a normal user, or set DATABASE_URL/);
      expect(result.stderr).not.toMatch(/EACCES|\n\s+at /);
    } else {
      // Only root hands PostgreSQL to another user; anyone else owns the folder and starts normally.
      expect(result.stderr).not.toContain('cannot enter');
    }
  }, 120_000);

  it('names the port when another program holds the embedded PostgreSQL port', async () => {
    const squatter = createServer().listen(0, '127.0.0.1');
    await once(squatter, 'listening');
    const address = squatter.address();
    if (address === null || typeof address === 'string') throw new Error('no port');
    try {
      const folder = await privateFolder();
      const result = await run(stack, {
        DATA_DIR: asRoot ? path.join(repoRoot, '.data', `start-failure-${process.pid}`) : folder,
        EMBEDDED_PG_PORT: String(address.port),
        PORT: String(await freePort()),
      });
      expect(result.code).not.toBe(0);
      expect(result.stderr).toContain(`port ${address.port} on 127.0.0.1 is already in use`);
      expect(result.stderr).toContain('EMBEDDED_PG_PORT');
      expect(result.stderr).not.toMatch(/\n\s+at /);
    } finally {
      squatter.close();
      await rm(path.join(repoRoot, '.data', `start-failure-${process.pid}`), {
        recursive: true,
        force: true,
      });
    }
  }, 120_000);

  it('says nothing answers at a DATABASE_URL with no server behind it, without printing its password', async () => {
    const port = await freePort();
    const result = await run(stack, {
      DATABASE_URL: `postgres://stayhub:s3cret-pw@127.0.0.1:${port}/stayhub`,
      DATA_DIR: await privateFolder(),
      PORT: String(await freePort()),
    });
    expect(result.code).not.toBe(0);
    expect(result.stderr).toContain(
      `nothing answers at DATABASE_URL (postgres://stayhub@127.0.0.1:${port}/stayhub)`,
    );
    expect(result.stderr).not.toContain('s3cret-pw');
    expect(result.stderr).not.toMatch(/\n\s+at /);
  }, 120_000);
});
