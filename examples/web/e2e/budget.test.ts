/**
 * Issue 17's budget: the first load of the search page ships under 200 kB of JavaScript, gzipped. Counts
 * every script index.html loads up front (entry and module preloads) from a production `vite build`.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, expect, it } from 'vitest';
import { buildPage, firstLoadScripts } from './support/build-page.ts';

const BUDGET_BYTES = 200 * 1024;

const outDir = await mkdtemp(path.join(tmpdir(), 'stayhub-web-budget-'));
afterAll(() => rm(outDir, { recursive: true, force: true }));

it('loads the search page with less than 200 kB of gzipped JavaScript', async () => {
  await buildPage(outDir);
  const scripts = await firstLoadScripts(outDir);
  expect(scripts.length).toBeGreaterThan(0);
  let total = 0;
  for (const script of scripts) {
    const gzipped = gzipSync(await readFile(script), { level: 9 }).length;
    total += gzipped;
    console.log(`${path.relative(outDir, script)}: ${(gzipped / 1024).toFixed(1)} kB gzipped`);
  }
  console.log(`first load: ${(total / 1024).toFixed(1)} kB of JavaScript gzipped (budget 200 kB)`);
  expect(total).toBeLessThan(BUDGET_BYTES);
});
