import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

export const webDir = fileURLToPath(new URL('../..', import.meta.url));
const vite = path.join(
  path.dirname(createRequire(import.meta.url).resolve('vite/package.json')),
  'bin/vite.js',
);

/**
 * `vite build` of examples/web into `outDir`, as `pnpm --filter web build` runs it. A process of its own:
 * vitest sets NODE_ENV=test, which would give a development build of React.
 */
export async function buildPage(outDir: string): Promise<void> {
  await promisify(execFile)(
    process.execPath,
    [vite, 'build', '--outDir', outDir, '--emptyOutDir', '--logLevel', 'warn'],
    { cwd: webDir, env: { ...process.env, NODE_ENV: 'production' } },
  ).catch((error: unknown) => {
    const output = error && typeof error === 'object' && 'stderr' in error ? String(error.stderr) : '';
    throw new Error(`vite build failed:\n${output}`, { cause: error });
  });
}

/**
 * The JavaScript files index.html loads before the first page can render: its module entry scripts and
 * module preloads. Chunks loaded later by a dynamic import are not part of the first load.
 */
export async function firstLoadScripts(outDir: string): Promise<string[]> {
  const html = await readFile(path.join(outDir, 'index.html'), 'utf8');
  const scripts = [...html.matchAll(/<script[^>]*type="module"[^>]*src="([^"]+)"/g)].map((m) => m[1]);
  const preloads = [...html.matchAll(/<link[^>]*rel="modulepreload"[^>]*href="([^"]+)"/g)].map((m) => m[1]);
  return [...new Set([...scripts, ...preloads])]
    .filter((src): src is string => src !== undefined)
    .map((src) => path.join(outDir, src.replace(/^\//, '')));
}
