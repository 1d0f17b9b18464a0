/**
 * The tarball a consumer would install (STYLE "SDK"): packed with pnpm as for publishing, installed with
 * npm into a project outside the workspace, then type-checked (good calls compile, bad ones fail with the
 * expected errors), loaded from ESM and CommonJS, and linted with publint and are-the-types-wrong.
 */
import { execFile } from 'node:child_process';
import { copyFile, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { publint } from 'publint';
import { formatMessage } from 'publint/utils';
import ts from 'typescript';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allowedImports, selfContainedProblems } from '../../scripts/self-contained.ts';
import { extractTarball, type PackedSdk, packSdk, readManifest, sdkDir } from '../support/packed-sdk.ts';

const run = promisify(execFile);
const require = createRequire(import.meta.url);
const fixtures = path.join(sdkDir, 'test/consumer');
const fixtureFiles = ['good.ts', 'bad.ts', 'require.cts', 'smoke.cjs'];
const tsconfigs = [
  'tsconfig.json',
  'tsconfig.bundler.json',
  'tsconfig.dom.json',
  'tsconfig.bad.json',
  'tsconfig.readme.json',
];

let workDir: string;
let packed: PackedSdk;
let unpacked: string;
let consumer: string;

/** Runs a command; resolves with its output and exit code instead of throwing on a non-zero exit. */
async function attempt(file: string, args: string[], cwd: string) {
  try {
    const { stdout, stderr } = await run(file, args, { cwd, maxBuffer: 32 * 1024 * 1024 });
    return { code: 0, output: `${stdout}${stderr}` };
  } catch (error) {
    if (error && typeof error === 'object' && 'code' in error && typeof error.code === 'number') {
      const stdout = 'stdout' in error ? String(error.stdout) : '';
      const stderr = 'stderr' in error ? String(error.stderr) : '';
      return { code: error.code, output: `${stdout}${stderr}` };
    }
    throw error;
  }
}

function tsc(project: string) {
  return attempt(
    process.execPath,
    [path.join(consumer, 'node_modules/typescript/bin/tsc'), '-p', project],
    consumer,
  );
}

/** The routers and procedures the shipped declarations expose, read from the generated contract. */
function shippedProcedures(declarations: string): Map<string, string[]> {
  const file = ts.createSourceFile('index.d.ts', declarations, ts.ScriptTarget.Latest);
  const alias = file.statements.find(
    (s): s is ts.TypeAliasDeclaration => ts.isTypeAliasDeclaration(s) && s.name.text === 'StayHubProcedures',
  );
  if (!alias || !ts.isTypeLiteralNode(alias.type))
    throw new Error('no StayHubProcedures in the declarations');
  const routers = new Map<string, string[]>();
  for (const member of alias.type.members) {
    if (!ts.isPropertySignature(member) || !member.type) continue;
    const name = member.name.getText(file);
    const nested = ts.isTypeLiteralNode(member.type) ? member.type.members : [];
    routers.set(
      name,
      nested.map((procedure) => `${name}.${procedure.name?.getText(file)}`),
    );
  }
  return routers;
}

beforeAll(async () => {
  workDir = await mkdtemp(path.join(os.tmpdir(), 'stayhub-sdk-packed-'));
  packed = await packSdk(path.join(workDir, 'pack'));
  unpacked = await extractTarball(packed.tarball, path.join(workDir, 'unpacked'));
  console.log(
    `@stayhub/sdk tarball: ${(packed.bytes / 1024).toFixed(1)} KiB (${packed.bytes} bytes), ` +
      (packed.reused
        ? 'reused from an earlier pack of identical sources'
        : `built and packed in ${(packed.packMs / 1000).toFixed(1)} s`),
  );

  consumer = path.join(workDir, 'consumer');
  await mkdir(consumer);
  await writeFile(
    path.join(consumer, 'package.json'),
    JSON.stringify({ name: 'stayhub-sdk-consumer', private: true, type: 'module' }, null, 2),
  );
  for (const file of [...fixtureFiles, ...tsconfigs]) {
    await copyFile(path.join(fixtures, file), path.join(consumer, file));
  }
  const typescript = JSON.parse(await readFile(require.resolve('typescript/package.json'), 'utf8')).version;
  const started = performance.now();
  const installed = await attempt(
    'npm',
    [
      'install',
      packed.tarball,
      `typescript@${typescript}`,
      '--prefer-offline',
      '--no-audit',
      '--no-fund',
      '--ignore-scripts',
      '--loglevel=error',
    ],
    consumer,
  );
  if (installed.code !== 0) throw new Error(`npm install failed:\n${installed.output}`);
  console.log(
    `npm install of the tarball + typescript@${typescript} outside the workspace: ` +
      `${((performance.now() - started) / 1000).toFixed(1)} s`,
  );
}, 300_000);

afterAll(async () => {
  if (workDir) await rm(workDir, { recursive: true, force: true });
});

describe('the packed @stayhub/sdk', () => {
  it('ships dist, README and CHANGELOG under a publishable manifest', async () => {
    const { stdout } = await run('tar', ['-tzf', packed.tarball]);
    expect(stdout.trim().split('\n').sort()).toEqual(
      [
        'package/CHANGELOG.md',
        'package/README.md',
        'package/dist/index.cjs',
        'package/dist/index.d.cts',
        'package/dist/index.d.ts',
        'package/dist/index.js',
        'package/package.json',
      ].sort(),
    );
    const manifest = JSON.parse(await readFile(path.join(unpacked, 'package.json'), 'utf8'));
    // The version changesets gave the workspace package (`changeset version`), as it was packed.
    const { version } = JSON.parse(await readFile(path.join(sdkDir, 'package.json'), 'utf8'));
    expect(version).toMatch(/^\d+\.\d+\.\d+$/);
    expect(manifest).toMatchObject({
      name: '@stayhub/sdk',
      version,
      type: 'module',
      sideEffects: false,
      main: './dist/index.cjs',
      module: './dist/index.js',
      types: './dist/index.d.ts',
      files: ['dist', 'README.md', 'CHANGELOG.md'],
      engines: { node: expect.any(String) },
      exports: {
        '.': {
          import: { types: './dist/index.d.ts', default: './dist/index.js' },
          require: { types: './dist/index.d.cts', default: './dist/index.cjs' },
        },
      },
    });
    expect(manifest.private).toBeUndefined();
    expect(Object.keys(manifest.dependencies).sort()).toEqual(['@trpc/client', 'superjson']);
    expect(Object.keys(manifest.peerDependencies)).toEqual(['@trpc/server']);
    // pnpm resolved the catalog: the ranges are plain versions a registry understands.
    for (const range of Object.values({ ...manifest.dependencies, ...manifest.peerDependencies })) {
      expect(range).toMatch(/^\d+\.\d+\.\d+$/);
    }
  });

  it('ships declarations and bundles that name no server-side module', async () => {
    for (const file of ['index.d.ts', 'index.d.cts', 'index.js', 'index.cjs']) {
      const code = await readFile(path.join(unpacked, 'dist', file), 'utf8');
      const allowed = file.includes('.d.') ? allowedImports.dts : allowedImports.js;
      expect(selfContainedProblems(code, allowed), `dist/${file}`).toEqual([]);
    }
  });

  it('passes publint (strict, suggestions included)', async () => {
    const data = await readFile(packed.tarball);
    const tarball = data.buffer.slice(data.byteOffset, data.byteOffset + data.byteLength);
    const { messages, pkg } = await publint({ pack: { tarball }, level: 'suggestion', strict: true });
    expect(messages.map((message) => `${message.type}: ${formatMessage(message, pkg)}`)).toEqual([]);
  });

  it('passes are-the-types-wrong for node10, node16 (CJS and ESM) and bundlers', async () => {
    const cli = path.join(
      path.dirname(require.resolve('@arethetypeswrong/cli/package.json')),
      'dist/index.js',
    );
    const { code, output } = await attempt(
      process.execPath,
      [cli, packed.tarball, '--format', 'ascii', '--no-color', '--no-emoji'],
      workDir,
    );
    expect(code, output).toBe(0);
    expect(output).toContain('No problems found');
  }, 120_000);

  it('type-checks a consumer that calls every router, under NodeNext and bundler resolution, and with only ES2022 + DOM libs', async () => {
    for (const project of ['tsconfig.json', 'tsconfig.bundler.json', 'tsconfig.dom.json']) {
      const { code, output } = await tsc(project);
      expect(code, `${project}:\n${output}`).toBe(0);
    }

    const declarations = await readFile(path.join(unpacked, 'dist/index.d.ts'), 'utf8');
    const routers = shippedProcedures(declarations);
    const sample = await readFile(path.join(fixtures, 'good.ts'), 'utf8');
    const called = new Set(
      [...sample.matchAll(/\bclient\.(\w+)(?:\.(\w+))?\.(?:query|mutate)\(/g)].map(([, router, procedure]) =>
        procedure ? `${router}.${procedure}` : `${router}`,
      ),
    );
    const calledRouters = new Set([...called].map((name) => name.split('.')[0]));
    const missingRouters = [...routers.keys()].filter((router) => !calledRouters.has(router));
    expect(
      missingRouters,
      `the API has routers that test/consumer/good.ts never calls: ${missingRouters.join(', ')} — add calls`,
    ).toEqual([]);
    const uncalled = [...routers.values()].flat().filter((procedure) => !called.has(procedure));
    console.log(
      `consumer sample covers ${routers.size} routers (${[...routers.keys()].join(', ')}); ` +
        (uncalled.length === 0 ? 'every procedure is called' : `not called yet: ${uncalled.join(', ')}`),
    );
  }, 120_000);

  it("shows a consumer reviews.respond's `response` as @deprecated, and `hostResponse` as not", async () => {
    const file = path.join(consumer, 'deprecated.ts');
    await writeFile(
      file,
      "import type { RouterInputs } from '@stayhub/sdk';\nexport type Respond = RouterInputs['reviews']['respond'];\n",
    );
    const config = ts.getParsedCommandLineOfConfigFile(path.join(consumer, 'tsconfig.json'), undefined, {
      ...ts.sys,
      onUnRecoverableConfigFileDiagnostic: (diagnostic) => {
        throw new Error(ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n'));
      },
    });
    if (!config) throw new Error('cannot read the consumer tsconfig.json');
    const program = ts.createProgram([file], config.options);
    const checker = program.getTypeChecker();
    const alias = program.getSourceFile(file)?.statements.find(ts.isTypeAliasDeclaration);
    if (!alias) throw new Error('no type alias in deprecated.ts');
    const input = checker.getTypeAtLocation(alias.name);
    const tags = (name: string) =>
      checker
        .getPropertyOfType(input, name)
        ?.getJsDocTags(checker)
        .map((tag) => `${tag.name}: ${ts.displayPartsToString(tag.text)}`);

    expect(tags('response')).toEqual([expect.stringMatching(/^deprecated: Use `hostResponse`/)]);
    expect(tags('hostResponse')).toEqual([]);
    expect(tags('reviewId')).toEqual([]);
  });

  it('refuses wrong calls at compile time with the expected errors, line by line', async () => {
    const source = await readFile(path.join(fixtures, 'bad.ts'), 'utf8');
    const expected = source
      .split('\n')
      .flatMap((line, index) =>
        [...line.matchAll(/\/\/ error: (TS\d+)/g)].map(([, code]) => `${index + 1}: ${code}`),
      );
    expect(expected.length).toBeGreaterThan(10);

    const { code, output } = await tsc('tsconfig.bad.json');
    expect(code).not.toBe(0);
    const reported = [...output.matchAll(/^bad\.ts\((\d+),\d+\): error (TS\d+)/gm)].map(
      ([, line, error]) => `${line}: ${error}`,
    );
    expect(reported, output).toEqual(expected);
  }, 120_000);

  it("compiles the README's TypeScript examples, in order, against the tarball", async () => {
    const readme = await readFile(path.join(unpacked, 'README.md'), 'utf8');
    const blocks = [...readme.matchAll(/^```ts\n([\s\S]*?)^```$/gm)].map(([, code]) => code);
    expect(blocks.length).toBeGreaterThanOrEqual(8);
    await writeFile(path.join(consumer, 'readme.ts'), blocks.join('\n'));
    const { code, output } = await tsc('tsconfig.readme.json');
    expect(code, output).toBe(0);
  }, 120_000);

  it('loads through import and require, sends the token, decodes superjson and reads error reasons', async () => {
    const { code, output } = await attempt(process.execPath, ['smoke.cjs'], consumer);
    expect(code, output).toBe(0);
    expect(output).toContain('require: ok');
    expect(output).toContain('import: ok');
    const manifest = await readManifest(unpacked);
    expect(manifest.exports['.'].require.default).toBe('./dist/index.cjs');
  });
});
