import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export const repoRoot = path.resolve(import.meta.dirname, '../../..');

export const readRepoFile = (file: string) => readFileSync(path.join(repoRoot, file), 'utf8');

/**
 * `original` with `from` replaced by `to` — a planted defect, to show that a check fails on it. Throws when
 * `from` is not in the file, so a test never "passes" by planting nothing.
 */
export function plant(original: string, from: string | RegExp, to: string): string {
  const planted = original.replace(from, to);
  if (planted === original) throw new Error(`nothing to replace: ${from} is not in the file`);
  return planted;
}

/** Writes `content` to a fresh temporary file and returns its path. */
export function tempFile(name: string, content: string): string {
  const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'stayhub-deploy-')), name);
  writeFileSync(file, content);
  return file;
}
