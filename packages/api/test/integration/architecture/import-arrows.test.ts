import { execFile } from 'node:child_process';
import { copyFile, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/**
 * The dependency arrows of STYLE "A map of packages/api/src" are lint rules (biome.json `overrides`).
 * These tests run the repository's own biome.json over planted files at the paths the rules name, so a
 * rule that stops firing (a renamed folder, a mistyped glob) fails here rather than passing silently.
 */
const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../../..');
const biome = path.join(repoRoot, 'node_modules/@biomejs/biome/bin/biome');
const run = promisify(execFile);

let sandbox: string;
beforeAll(async () => {
  sandbox = await mkdtemp(path.join(tmpdir(), 'stayhub-arrows-'));
  await copyFile(path.join(repoRoot, 'biome.json'), path.join(sandbox, 'biome.json'));
});
afterAll(async () => {
  await rm(sandbox, { recursive: true, force: true });
});

/** Lints one planted file; returns the rules that fired. */
async function rulesFiredOn(file: string, source: string): Promise<string[]> {
  await mkdir(path.dirname(path.join(sandbox, file)), { recursive: true });
  await writeFile(path.join(sandbox, file), source);
  const args = [biome, 'lint', '--vcs-enabled=false', '--max-diagnostics=50', file];
  const result = await run(process.execPath, args, { cwd: sandbox }).then(
    ({ stdout, stderr }) => stdout + stderr,
    (err: { stdout: string; stderr: string }) => err.stdout + err.stderr,
  );
  return [...result.matchAll(/lint\/[a-zA-Z]+\/[a-zA-Z]+/g)].map((m) => m[0]);
}

const restricted = 'lint/style/noRestrictedImports';

describe('import arrows', () => {
  it.each([
    [
      'packages/api/src/domain/bookings/planted.ts',
      "import { okView } from '../../schemas/shared.schemas.ts';",
    ],
    [
      'packages/api/src/domain/bookings/planted.ts',
      "import { authedProcedure } from '../../trpc/procedures.ts';",
    ],
    ['packages/api/src/domain/bookings/planted.ts', "import { TRPCError } from '@trpc/server';"],
    ['packages/api/src/jobs/tasks/planted.ts', "import { appRouter } from '../../routers/app.router.ts';"],
    ['packages/api/src/infra/planted.ts', "import { okView } from '../schemas/shared.schemas.ts';"],
    ['packages/api/src/entry/worker.ts', "import { appRouter } from '../routers/app.router.ts';"],
    ['packages/api/src/schemas/planted.ts', "import { authedProcedure } from '../trpc/procedures.ts';"],
    ['apps/worker/src/planted.ts', "import { appRouter } from '@stayhub/api';"],
    [
      'apps/worker/src/planted.ts',
      "import { appRouter } from '../../../packages/api/src/routers/app.router.ts';",
    ],
    ['apps/worker/src/planted.ts', "import { initTRPC } from '@trpc/server';"],
    ['packages/api/src/graphql/planted.ts', "import { appRouter } from '../routers/app.router.ts';"],
    [
      'packages/api/src/graphql/types/planted.ts',
      "import { bookingsRouter } from '../../routers/bookings.router.ts';",
    ],
    [
      'packages/api/src/domain/bookings/planted.ts',
      "import { graphqlSchema } from '../../graphql/schema.ts';",
    ],
  ])('refuses %s importing: %s', async (file, line) => {
    const fired = await rulesFiredOn(file, `${line}\n\nexport const planted = [${importedName(line)}];\n`);
    expect(fired).toContain(restricted);
  });

  it.each([
    [
      'packages/api/src/schemas/planted.ts',
      "import { MAX_PHOTOS } from '../domain/properties/property.rules.ts';",
    ],
    ['packages/api/src/domain/bookings/planted.ts', "import { addDays } from '../shared/dates.ts';"],
    ['apps/worker/src/planted.ts', "import { crontab } from '@stayhub/api/worker';"],
    ['apps/worker/src/planted.ts', "import { openRuntime } from '@stayhub/api/runtime';"],
    ['packages/api/src/routers/planted.ts', "import { okView } from '../schemas/shared.schemas.ts';"],
    [
      'packages/api/src/graphql/planted.ts',
      "import { getBooking } from '../domain/bookings/booking-read.service.ts';",
    ],
  ])('allows %s importing: %s', async (file, line) => {
    const fired = await rulesFiredOn(file, `${line}\n\nexport const planted = [${importedName(line)}];\n`);
    expect(fired).not.toContain(restricted);
  });
});

function importedName(line: string): string {
  const name = /import \{ (\w+) \}/.exec(line)?.[1];
  if (!name) throw new Error(`no import name in ${line}`);
  return name;
}
