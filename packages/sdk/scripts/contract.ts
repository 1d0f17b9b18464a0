/**
 * The SDK's contract files and the commands that keep them honest (see "The contract" in the SDK README):
 *
 *   contract:snapshot  writes contract/current.generated.json from the API's router
 *   contract:check     the snapshot matches the router, and the version bump covers every change since
 *                      contract/released.generated.json (what `npm test` checks too)
 *   contract:release   after `changeset version`: the current snapshot becomes the released one
 *
 * Run: `node scripts/pnpm.mjs --filter @stayhub/sdk run contract:<command>`. Works offline.
 */
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import getChangesets from '@changesets/read';
import { appRouter, errorReasons } from '@stayhub/api';
import { z } from 'zod';
import { diffContracts } from './contract-diff.ts';
import { bumpBetween, changesetBump, type ReleaseVerdict, releaseVerdict } from './contract-release.ts';
import { type ContractSnapshot, parseSnapshot, snapshotOf, snapshotText } from './contract-snapshot.ts';

export const sdkDir = path.resolve(import.meta.dirname, '..');
export const repoDir = path.resolve(sdkDir, '../..');
export const currentFile = path.join(sdkDir, 'contract/current.generated.json');
export const releasedFile = path.join(sdkDir, 'contract/released.generated.json');

export const SDK_PACKAGE = '@stayhub/sdk';
export const UPDATE_COMMAND = 'node scripts/pnpm.mjs --filter @stayhub/sdk run contract:snapshot';

const manifest = z.object({ name: z.string(), version: z.string() });

/** The contract as the API's router states it right now. */
export function routerSnapshot(): ContractSnapshot {
  return snapshotOf(appRouter, errorReasons);
}

/** Null when the committed snapshot is the router's; otherwise what differs and the command that updates it. */
export function snapshotDrift(committed: string | null, generated: string): string | null {
  if (committed === generated) return null;
  const file = path.relative(repoDir, currentFile);
  if (committed === null) return `${file} is missing. Write it with \`${UPDATE_COMMAND}\`.`;
  const before = committed.split('\n');
  const after = generated.split('\n');
  const first = after.findIndex((line, i) => line !== before[i]);
  const at = first === -1 ? before.length : first;
  return (
    `${file} does not match the router (first difference at line ${at + 1}: ` +
    `${JSON.stringify(before[at] ?? '')} → ${JSON.stringify(after[at] ?? '')}). ` +
    `The API's contract changed: run \`${UPDATE_COMMAND}\`, review the diff and commit it with a changeset.`
  );
}

async function readIfExists(file: string): Promise<string | null> {
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    if (error instanceof Error && 'code' in error && error.code === 'ENOENT') return null;
    throw error;
  }
}

export async function readSnapshotFile(file: string): Promise<ContractSnapshot> {
  const text = await readIfExists(file);
  if (text === null) throw new Error(`${path.relative(repoDir, file)} is missing`);
  return parseSnapshot(text, path.relative(repoDir, file));
}

export async function sdkVersion(): Promise<string> {
  return manifest.parse(JSON.parse(await readFile(path.join(sdkDir, 'package.json'), 'utf8'))).version;
}

/** The committed current snapshot against the released one, with the bump the changesets and version declare. */
export async function verdictOfRepository(): Promise<ReleaseVerdict> {
  const released = await readSnapshotFile(releasedFile);
  const current = await readSnapshotFile(currentFile);
  if (!released.version) throw new Error(`${path.relative(repoDir, releasedFile)} names no version`);
  const changesets = await getChangesets(repoDir);
  return releaseVerdict(diffContracts(released, current), released.version, {
    changesets: changesetBump(changesets, SDK_PACKAGE),
    version: bumpBetween(released.version, await sdkVersion()),
  });
}

async function writeSnapshot(): Promise<void> {
  const snapshot = routerSnapshot();
  const text = snapshotText(snapshot);
  const before = await readIfExists(currentFile);
  await writeFile(currentFile, text);
  const count = Object.keys(snapshot.procedures).length;
  console.log(
    `${path.relative(repoDir, currentFile)}: ${before === text ? 'unchanged' : 'written'} (${count} procedures)`,
  );
}

async function check(): Promise<boolean> {
  const drift = snapshotDrift(await readIfExists(currentFile), snapshotText(routerSnapshot()));
  if (drift) {
    console.error(drift);
    return false;
  }
  const verdict = await verdictOfRepository();
  (verdict.ok ? console.log : console.error)(verdict.report);
  return verdict.ok;
}

/** Run after `changeset version`: the version in package.json now ships the current contract. */
async function release(): Promise<void> {
  const drift = snapshotDrift(await readIfExists(currentFile), snapshotText(routerSnapshot()));
  if (drift) throw new Error(drift);
  const verdict = await verdictOfRepository();
  if (!verdict.ok) throw new Error(verdict.report);
  const version = await sdkVersion();
  const current = await readSnapshotFile(currentFile);
  await writeFile(releasedFile, snapshotText({ ...current, version }));
  console.log(`${path.relative(repoDir, releasedFile)}: the contract released as ${version}`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const command = process.argv[2];
  if (command === 'snapshot') await writeSnapshot();
  else if (command === 'check') process.exitCode = (await check()) ? 0 : 1;
  else if (command === 'release') await release();
  else {
    console.error('usage: tsx scripts/contract.ts snapshot | check | release');
    process.exitCode = 2;
  }
}
