/**
 * The example frontend (examples/web/src) against the published declarations: the SDK a consumer installs
 * is the tarball, whose types are generated and bundled (scripts/build.ts), not the workspace sources the
 * example's own typecheck sees. Its sources are compiled with `@stayhub/sdk` mapped to the packed
 * dist/index.d.ts, with only DOM libs and no Node types, so a gap between the two — a type the bundled
 * declarations lose, a reason missing from the union, an output field that differs — fails here.
 */
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import ts from 'typescript';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { installPackedOffline, packSdk, sdkDir } from '../support/packed-sdk.ts';

const exampleSrc = path.resolve(sdkDir, '../../examples/web/src');

let workDir: string;
let installed: string;

beforeAll(async () => {
  workDir = await mkdtemp(path.join(os.tmpdir(), 'stayhub-sdk-example-web-'));
  const packed = await packSdk(path.join(workDir, 'pack'));
  installed = await installPackedOffline(packed.tarball, path.join(workDir, 'consumer'));
}, 300_000);

afterAll(async () => {
  if (workDir) await rm(workDir, { recursive: true, force: true });
});

async function exampleSources(): Promise<string[]> {
  const entries = await readdir(exampleSrc, { recursive: true });
  return entries.filter((file) => /\.tsx?$/.test(file)).map((file) => path.join(exampleSrc, file));
}

describe('examples/web against the packed @stayhub/sdk', () => {
  it('type-checks with @stayhub/sdk resolved to the tarball’s declarations, DOM libs only', async () => {
    const declarations = path.join(installed, 'dist/index.d.ts');
    const program = ts.createProgram(await exampleSources(), {
      target: ts.ScriptTarget.ES2022,
      lib: ['lib.es2023.d.ts', 'lib.dom.d.ts', 'lib.dom.iterable.d.ts'],
      module: ts.ModuleKind.ESNext,
      moduleResolution: ts.ModuleResolutionKind.Bundler,
      jsx: ts.JsxEmit.ReactJSX,
      strict: true,
      noUncheckedIndexedAccess: true,
      verbatimModuleSyntax: true,
      allowImportingTsExtensions: true,
      noEmit: true,
      // The declarations' own soundness is packed.test.ts's (skipLibCheck off there); here: the example's code.
      skipLibCheck: true,
      types: [],
      paths: { '@stayhub/sdk': [declarations] },
    });
    const problems = ts.getPreEmitDiagnostics(program).map((diagnostic) =>
      ts.formatDiagnostic(diagnostic, {
        ...ts.sys,
        getCanonicalFileName: (f) => f,
        getNewLine: () => '\n',
        getCurrentDirectory: () => exampleSrc,
      }),
    );
    expect(problems).toEqual([]);

    const files = program.getSourceFiles().map((file) => file.fileName);
    expect(files).toContain(declarations);
    const workspaceSources = files.filter((file) => /packages\/(sdk|api|db)\/src\//.test(file));
    expect(workspaceSources, 'the workspace sources leaked into the check').toEqual([]);
    expect(files.filter((file) => file.includes('@types/node/'))).toEqual([]);
  }, 120_000);
});
