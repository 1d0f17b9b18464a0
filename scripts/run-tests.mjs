#!/usr/bin/env node
// Runs every vitest project once and ends with one plain line, `N passed, N failed`, read from vitest's
// JSON report — so a run that executed no test shows as `0 passed`. Exit code: vitest's, or 1 if none ran.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const report = 'reports/vitest.json';
mkdirSync('reports', { recursive: true });
rmSync(report, { force: true });
const vitest = path.join(
  path.dirname(createRequire(import.meta.url).resolve('vitest/package.json')),
  'vitest.mjs',
);
const result = spawnSync(
  process.execPath,
  [
    vitest,
    'run',
    '--reporter=default',
    '--reporter=json',
    `--outputFile.json=${report}`,
    ...process.argv.slice(2),
  ],
  { stdio: 'inherit' },
);
let passed = 0;
let failed = 0;
if (existsSync(report)) {
  const json = JSON.parse(readFileSync(report, 'utf8'));
  passed = json.numPassedTests ?? 0;
  failed = json.numFailedTests ?? 0;
}
// A file that failed to load, a failing hook or an unhandled error fails no single test; count it so the
// closing line never says "0 failed" for a run that failed.
if (result.status !== 0 && failed === 0) failed = 1;
console.log(`${passed} passed, ${failed} failed`);
// Judge by the report as well as the exit code: a dependency's exit hook once turned a failing run into 0.
process.exit(result.status === 0 && failed === 0 && passed > 0 ? 0 : 1);
