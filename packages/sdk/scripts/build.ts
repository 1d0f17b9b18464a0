/**
 * Builds the publishable SDK into dist/ (STYLE "SDK"):
 *   index.js (ESM) and index.cjs (CommonJS), bundled by esbuild; only @trpc/client and superjson stay imports.
 *   index.d.ts and index.d.cts, one self-contained declaration file (rollup-plugin-dts) whose contract is
 *   generated from @stayhub/api's router by contract-declarations.ts; it imports only @trpc/client and
 *   @trpc/server types. Deprecated procedures and fields (zod/tRPC meta) carry `@deprecated` JSDoc.
 * Run: `pnpm --filter @stayhub/sdk run build` (pnpm pack runs it too, as prepack).
 */
import { copyFile, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { rollup } from 'rollup';
import { dts } from 'rollup-plugin-dts';
import { routerSnapshot } from './contract.ts';
import { generateContractDeclarations, type ProcedureInfo } from './contract-declarations.ts';
import { deprecationsOf } from './contract-deprecations.ts';
import { allowedImports, selfContainedProblems } from './self-contained.ts';

export const packageDir = path.resolve(import.meta.dirname, '..');
const distDir = path.join(packageDir, 'dist');

export interface BuildResult {
  files: string[];
  procedures: ProcedureInfo[];
  warnings: string[];
}

async function bundleDeclarations(contract: string, index: string): Promise<string> {
  const workDir = await mkdtemp(path.join(os.tmpdir(), 'stayhub-sdk-dts-'));
  try {
    // tsc keeps the source's `./contract.ts` specifier; point it at the generated declarations instead.
    const rewritten = index.replaceAll(/(['"])\.\/contract\.ts\1/g, '$1./contract.js$1');
    if (rewritten === index) throw new Error('index.d.ts does not import ./contract.ts as expected');
    await writeFile(path.join(workDir, 'index.d.ts'), rewritten);
    await writeFile(path.join(workDir, 'contract.d.ts'), contract);
    const bundle = await rollup({
      input: path.join(workDir, 'index.d.ts'),
      external: (id) => allowedImports.dts.some((name) => id === name || id.startsWith(`${name}/`)),
      plugins: [dts({ respectExternal: true })],
    });
    const { output } = await bundle.generate({ format: 'es' });
    await bundle.close();
    const [chunk] = output;
    if (chunk?.type !== 'chunk') throw new Error('rollup-plugin-dts produced no declarations');
    return chunk.code;
  } finally {
    await rm(workDir, { recursive: true, force: true });
  }
}

export async function buildSdk(): Promise<BuildResult> {
  // Deprecations live in the schemas' run-time metadata, which the types do not carry.
  const declarations = generateContractDeclarations(packageDir, deprecationsOf(routerSnapshot()));
  await rm(distDir, { recursive: true, force: true });
  await mkdir(distDir, { recursive: true });

  const formats = [
    { format: 'esm', file: 'index.js' },
    { format: 'cjs', file: 'index.cjs' },
  ] as const;
  for (const { format, file } of formats) {
    await build({
      entryPoints: [path.join(packageDir, 'src/index.ts')],
      outfile: path.join(distDir, file),
      bundle: true,
      packages: 'external',
      format,
      platform: 'neutral',
      target: 'es2022',
      legalComments: 'none',
      logLevel: 'warning',
    });
  }

  const bundled = await bundleDeclarations(declarations.contract, declarations.index);
  // tRPC's declarations name Disposable/AsyncDisposable (TS 5.2's esnext.disposable lib); the reference
  // brings that lib in, so a consumer whose `lib` is only, say, ES2022 + DOM compiles with full lib checks.
  const header =
    '/// <reference lib="esnext.disposable" />\n' +
    '// @stayhub/sdk — bundled declarations; the API contract is generated from the server.\n';
  await writeFile(path.join(distDir, 'index.d.ts'), header + bundled);
  await copyFile(path.join(distDir, 'index.d.ts'), path.join(distDir, 'index.d.cts'));

  const files = ['index.js', 'index.cjs', 'index.d.ts', 'index.d.cts'];
  for (const file of files) {
    const code = await readFile(path.join(distDir, file), 'utf8');
    const problems = selfContainedProblems(
      code,
      file.includes('.d.') ? allowedImports.dts : allowedImports.js,
    );
    if (problems.length > 0) throw new Error(`dist/${file} is not self-contained: ${problems.join('; ')}`);
  }
  return {
    files: files.map((file) => path.join(distDir, file)),
    procedures: declarations.procedures,
    warnings: declarations.foreignDiagnostics,
  };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const started = performance.now();
  const result = await buildSdk();
  const routers = [...new Set(result.procedures.map((p) => p.path.split('.')[0]))];
  for (const warning of result.warnings)
    console.warn(`warning (outside the SDK, not in its contract): ${warning}`);
  console.log(
    `@stayhub/sdk built in ${Math.round(performance.now() - started)} ms: ${result.procedures.length} procedures ` +
      `in ${routers.length} routers (${routers.join(', ')})`,
  );
}
