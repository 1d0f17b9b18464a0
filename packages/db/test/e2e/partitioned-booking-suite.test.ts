import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

/**
 * The bar for the partitioned layout (SPEC §11): the booking suite — bookings, and the payments and reviews
 * that hang off them — passes UNCHANGED against a template database converted by partitionBookings
 * (STAYHUB_TEST_LAYOUT=partitioned-bookings, packages/db/src/testing/template.ts). A real, nested vitest run
 * of the repository's own config; test-layout.test.ts rides along to prove the run really was partitioned.
 */
const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../..');
const vitest = path.join(
  path.dirname(createRequire(import.meta.url).resolve('vitest/package.json')),
  'vitest.mjs',
);
const suite = [
  'packages/api/test/integration/bookings',
  'packages/api/test/integration/payments',
  'packages/api/test/integration/reviews',
  'packages/db/test/integration/test-layout.test.ts',
];

interface JsonReport {
  numPassedTests: number;
  numFailedTests: number;
  numPendingTests: number;
  numTodoTests: number;
  testResults: { name: string; status: string; assertionResults: { title: string; status: string }[] }[];
}

async function nestedRun(report: string): Promise<{ code: number; output: string }> {
  const { FORCE_COLOR: _colour, ...inherited } = process.env;
  const env = { ...inherited, NO_COLOR: '1', STAYHUB_TEST_LAYOUT: 'partitioned-bookings' };
  const args = [
    vitest,
    'run',
    '--project',
    'integration',
    ...suite,
    '--reporter=json',
    `--outputFile.json=${report}`,
  ];
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, args, {
      cwd: repoRoot,
      env,
      timeout: 220_000,
      maxBuffer: 64 * 1024 * 1024,
    });
    return { code: 0, output: stdout + stderr };
  } catch (error) {
    const failed = error as { code?: number; stdout?: string; stderr?: string };
    return { code: failed.code ?? 1, output: `${failed.stdout ?? ''}${failed.stderr ?? ''}` };
  }
}

describe('the booking suite against the partitioned bookings layout', () => {
  it('passes unchanged: every test of bookings, payments and reviews, none failed or skipped', {
    timeout: 240_000,
  }, async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'stayhub-partitioned-'));
    try {
      const report = path.join(dir, 'report.json');
      const started = Date.now();
      const run = await nestedRun(report);
      const seconds = ((Date.now() - started) / 1000).toFixed(1);
      expect(run.code, run.output.slice(-4000)).toBe(0);
      const result = JSON.parse(await readFile(report, 'utf8')) as JsonReport;
      console.log(
        `nested run: ${result.numPassedTests} passed, ${result.numFailedTests} failed in ${seconds}s`,
      );
      expect(result.numFailedTests).toBe(0);
      expect(result.numPendingTests + result.numTodoTests).toBe(0);
      expect(result.numPassedTests).toBeGreaterThan(100);
      const files = result.testResults.map((file) => path.relative(repoRoot, file.name));
      for (const dir of suite) expect(files.some((file) => file.startsWith(dir))).toBe(true);
      const layout = result.testResults.find((file) => file.name.endsWith('test-layout.test.ts'));
      expect(layout?.assertionResults.map((test) => test.status)).toEqual(['passed', 'passed']);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
