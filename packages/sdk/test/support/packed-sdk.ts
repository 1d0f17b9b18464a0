/**
 * Builds and packs @stayhub/sdk the way it would be published (`pnpm pack`: prepack builds dist/, catalog:
 * and publishConfig are resolved), for the tests that check the tarball and drive a server through it.
 * Shared by packages/sdk/test/integration/packed.test.ts and apps/server/test/e2e/sdk-packed.test.ts.
 */
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  copyFile,
  mkdir,
  readdir,
  readFile,
  realpath,
  rename,
  rm,
  stat,
  symlink,
  utimes,
} from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { promisify } from 'node:util';

const run = promisify(execFile);

export const sdkDir = fileURLToPath(new URL('../..', import.meta.url));
const rootDir = path.resolve(sdkDir, '../..');
const lockDir = path.join(sdkDir, '.pack.lock');
const cacheDir = path.join(sdkDir, '.pack-cache');
/** The lock holder touches the lock this often; a lock untouched for STALE_LOCK_MS was left by a dead run. */
const HEARTBEAT_MS = 5_000;
const STALE_LOCK_MS = 60_000;

export interface PackedSdk {
  tarball: string;
  bytes: number;
  /** Build + pack, in milliseconds (0 when an identical tarball was reused). */
  packMs: number;
  /** True when a tarball packed earlier from the very same inputs was reused. */
  reused: boolean;
}

/**
 * Test files run in parallel and `pnpm pack` builds into the package's own dist/: one at a time. The
 * holder keeps the lock fresh; a lock nobody touched for a minute was left by a killed run and is taken.
 */
async function withPackLock<T>(work: () => Promise<T>): Promise<T> {
  for (;;) {
    try {
      await mkdir(lockDir);
      break;
    } catch (error) {
      if (!(error instanceof Error && 'code' in error && error.code === 'EEXIST')) throw error;
      const idle = await stat(lockDir).then(
        (s) => Date.now() - s.mtimeMs,
        () => 0,
      );
      if (idle > STALE_LOCK_MS) await rm(lockDir, { recursive: true, force: true });
      else await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
  const heartbeat = setInterval(() => {
    const now = new Date();
    utimes(lockDir, now, now).catch(() => {});
  }, HEARTBEAT_MS);
  try {
    return await work();
  } finally {
    clearInterval(heartbeat);
    await rm(lockDir, { recursive: true, force: true });
  }
}

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => []);
  return entries.filter((entry) => entry.isFile()).map((entry) => path.join(entry.parentPath, entry.name));
}

/**
 * Everything the tarball is made from: the SDK's sources, build scripts and docs, the API and database
 * sources its contract is generated from, the TS config and the lockfile (tool and dependency versions).
 */
async function packInputsHash(): Promise<string> {
  const files = [
    ...(await filesUnder(path.join(sdkDir, 'src'))),
    ...(await filesUnder(path.join(sdkDir, 'scripts'))),
    ...(await filesUnder(path.join(rootDir, 'packages/api/src'))),
    ...(await filesUnder(path.join(rootDir, 'packages/db/src'))),
    ...['package.json', 'tsconfig.json', 'README.md', 'CHANGELOG.md'].map((file) => path.join(sdkDir, file)),
    ...['tsconfig.base.json', 'pnpm-lock.yaml', 'pnpm-workspace.yaml'].map((file) =>
      path.join(rootDir, file),
    ),
  ].sort();
  const hash = createHash('sha256');
  for (const file of files) {
    hash.update(`${path.relative(rootDir, file)}\0`);
    hash.update(await readFile(file));
    hash.update('\0');
  }
  return hash.digest('hex').slice(0, 16);
}

/** Runs `pnpm pack` (prepack builds dist/) into `directory`; returns the tarball's path. */
async function pnpmPack(directory: string): Promise<string> {
  const pnpm = path.join(rootDir, 'scripts/pnpm.mjs');
  const { stdout } = await run(process.execPath, [pnpm, 'pack', '--pack-destination', directory], {
    cwd: sdkDir,
    maxBuffer: 16 * 1024 * 1024,
  }).catch((error: unknown) => {
    const output = error && typeof error === 'object' && 'stderr' in error ? String(error.stderr) : '';
    throw new Error(`pnpm pack failed:\n${output}`, { cause: error });
  });
  const tarball = stdout
    .split('\n')
    .map((line) => line.trim())
    .find((line) => line.endsWith('.tgz'));
  if (!tarball) throw new Error(`pnpm pack printed no tarball:\n${stdout}`);
  return path.join(directory, path.basename(tarball));
}

/**
 * The packed SDK, copied into `destination`. A tarball packed earlier from identical inputs (same hash of
 * every source, script, doc, config and the lockfile) is reused, so the test files of one run pack once.
 */
export async function packSdk(destination: string): Promise<PackedSdk> {
  await mkdir(destination, { recursive: true });
  return withPackLock(async () => {
    const key = await packInputsHash();
    const cached = path.join(cacheDir, key);
    let packMs = 0;
    let reused = true;
    let source = (await readdir(cached).catch(() => [])).find((file) => file.endsWith('.tgz'));
    if (!source) {
      reused = false;
      const started = performance.now();
      await rm(cacheDir, { recursive: true, force: true });
      const staging = path.join(cacheDir, `${key}.partial`);
      await mkdir(staging, { recursive: true });
      source = path.basename(await pnpmPack(staging));
      await rename(staging, cached);
      packMs = performance.now() - started;
    }
    const tarball = path.join(destination, source);
    await copyFile(path.join(cached, source), tarball);
    return { tarball, bytes: (await stat(tarball)).size, packMs, reused };
  });
}

export async function extractTarball(tarball: string, into: string): Promise<string> {
  await mkdir(into, { recursive: true });
  await run('tar', ['-xzf', tarball, '-C', into]);
  return path.join(into, 'package');
}

export interface PackedManifest {
  name: string;
  version: string;
  dependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
  exports: {
    '.': { import: { types: string; default: string }; require: { types: string; default: string } };
  };
}

export async function readManifest(packageDir: string): Promise<PackedManifest> {
  return JSON.parse(await readFile(path.join(packageDir, 'package.json'), 'utf8'));
}

/**
 * Installs the packed SDK into `<root>/node_modules/@stayhub/sdk` without a registry: its dependencies
 * (and the @trpc/server peer) are linked to the copies this workspace installed for packages/sdk, whose
 * versions are checked against the packed manifest. Returns the installed package directory.
 */
export async function installPackedOffline(tarball: string, root: string): Promise<string> {
  const unpacked = await extractTarball(tarball, path.join(root, 'unpacked'));
  const manifest = await readManifest(unpacked);
  // Moved, not linked: the package's real path is under node_modules, as after an install.
  const target = path.join(root, 'node_modules', manifest.name);
  await mkdir(path.dirname(target), { recursive: true });
  await rename(unpacked, target);
  const wanted = { ...manifest.dependencies, ...manifest.peerDependencies };
  for (const [name, version] of Object.entries(wanted)) {
    // packages/sdk's own node_modules holds each of them (dependencies, and @trpc/server as a devDependency).
    const installed = await realpath(path.join(sdkDir, 'node_modules', name));
    const { version: have } = JSON.parse(await readFile(path.join(installed, 'package.json'), 'utf8'));
    if (have !== version) throw new Error(`${name}: the tarball wants ${version}, the workspace has ${have}`);
    const link = path.join(root, 'node_modules', name);
    await mkdir(path.dirname(link), { recursive: true });
    await symlink(installed, link, 'dir');
  }
  return target;
}

/** Imports the installed package through its manifest's `exports["."].import`, as Node would. */
export async function importPacked<T>(installedDir: string): Promise<T> {
  const manifest = await readManifest(installedDir);
  return import(pathToFileURL(path.join(installedDir, manifest.exports['.'].import.default)).href);
}
