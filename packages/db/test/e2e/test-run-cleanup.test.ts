import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { startEmbeddedPostgres, stopPostgresOf } from '../../src/embedded.ts';

/**
 * A test run leaves no process behind: with no DATABASE_URL it starts the embedded test server
 * (.data/postgres-test) and the last of its projects to finish stops it, whichever of them started it — but
 * never while another test run on this machine still uses it. The runs here are real vitest runs of a
 * fixture shaped like the repository's config (fixtures/two-projects).
 */
const here = path.dirname(fileURLToPath(import.meta.url));
const dataDir = path.resolve(here, '../../../../.data/postgres-test');
const config = path.join(here, 'fixtures/two-projects/vitest.config.ts');
const vitest = path.join(
  path.dirname(createRequire(import.meta.url).resolve('vitest/package.json')),
  'vitest.mjs',
);

/** The pid of the PostgreSQL running on the test server's data folder, if one runs. */
function runningPostgres(): number | undefined {
  let pid: number;
  try {
    pid = Number(readFileSync(path.join(dataDir, 'postmaster.pid'), 'utf8').split('\n')[0]);
    process.kill(pid, 0);
  } catch {
    return undefined;
  }
  return pid;
}

async function nestedRun(): Promise<{ code: number; output: string }> {
  const { DATABASE_URL: _unset, FORCE_COLOR: _colour, ...inherited } = process.env;
  const env = { ...inherited, NO_COLOR: '1' };
  try {
    const { stdout, stderr } = await promisify(execFile)(
      process.execPath,
      [vitest, 'run', '--config', config],
      { env, timeout: 100_000 },
    );
    return { code: 0, output: stdout + stderr };
  } catch (error) {
    const failed = error as { code?: number; stdout?: string; stderr?: string };
    return { code: failed.code ?? 1, output: `${failed.stdout ?? ''}${failed.stderr ?? ''}` };
  }
}

async function templates(url: string): Promise<string[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ datname: string }>(
      `select datname from pg_database where datname like 'stayhub\\_tmpl\\_%' order by 1`,
    );
    return rows.map((row) => row.datname);
  } finally {
    await client.end();
  }
}

function expectCleanExit(run: { code: number; output: string }) {
  expect(run.code, run.output).toBe(0);
  expect(run.output).toMatch(/Tests\s+2 passed/);
  expect(run.output).not.toContain('close timed out');
  expect(run.output).not.toContain('prevents the main process from exiting');
}

describe('a test run without DATABASE_URL', () => {
  it('stops the embedded server it started when its last project ends, or leaves one another run uses', {
    timeout: 120_000,
  }, async () => {
    const before = runningPostgres();
    const run = await nestedRun();
    expectCleanExit(run);
    // Running before: this test run (without DATABASE_URL) uses it, and must still have it afterwards.
    expect(runningPostgres()).toBe(before);
  });

  it('ignores the template of a run that died, and stops a server it found running once nobody uses it', {
    timeout: 120_000,
  }, async () => {
    const before = runningPostgres();
    // Without DATABASE_URL, this run's own embedded server is running: the nested run joins it. Otherwise
    // this test starts it, as a run that has since died would have, and leaves the nested run to stop it.
    const server = await startEmbeddedPostgres({ dataDir, port: 54330, fast: true });
    const dead = await promisify(execFile)(process.execPath, ['-e', 'console.log(process.pid)']);
    const stale = `stayhub_tmpl_${dead.stdout.trim()}_dead00`;
    const admin = new pg.Client({ connectionString: server.url });
    await admin.connect();
    await admin.query(`create database "${stale}"`);
    await admin.end();
    try {
      const run = await nestedRun();
      expectCleanExit(run);
      if (before === undefined) {
        expect(runningPostgres()).toBeUndefined();
      } else {
        expect(runningPostgres()).toBe(before);
        expect(await templates(server.url)).not.toContain(stale);
      }
    } finally {
      if (before === undefined) await stopPostgresOf(dataDir);
    }
  });
});
