import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { generateContractDeclarations } from '../../scripts/contract-declarations.ts';
import type { ProcedureDeprecations } from '../../scripts/contract-deprecations.ts';
import { sdkDir } from '../support/packed-sdk.ts';

/**
 * The declaration generator on small stand-in contracts (a package with its own src/contract.ts), for the
 * cases today's API does not exercise: named interfaces to inline, and types it must refuse.
 */

const fixtures: string[] = [];
afterAll(async () => {
  await Promise.all(fixtures.map((dir) => rm(dir, { recursive: true, force: true })));
});

const prelude = `
import type { TRPCBuiltRouter, TRPCMutationProcedure, TRPCQueryProcedure } from '@trpc/server';
type Currency = 'EUR' | 'USD';
interface Money { readonly cents: number; currency: Currency; note?: string }
export type StayHubErrorReason = 'NOT_FOUND' | 'CONFLICT';
export type StayHubErrorShape = { code: number; message: string; data: { reason: StayHubErrorReason } };
type Def<I, O> = { input: I; output: O; meta: object; errorShape: StayHubErrorShape };
type Root = { ctx: object; meta: object; errorShape: StayHubErrorShape; transformer: true };
`;

async function contractPackage(routerRecord: string, extra = ''): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'stayhub-contract-'));
  fixtures.push(dir);
  await mkdir(path.join(dir, 'src'));
  await symlink(path.join(sdkDir, 'node_modules'), path.join(dir, 'node_modules'), 'dir');
  await writeFile(path.join(dir, 'package.json'), JSON.stringify({ type: 'module' }));
  await writeFile(
    path.join(dir, 'tsconfig.json'),
    JSON.stringify({
      compilerOptions: {
        target: 'ES2023',
        lib: ['ES2023', 'DOM'],
        module: 'NodeNext',
        moduleResolution: 'NodeNext',
        strict: true,
        verbatimModuleSyntax: true,
        allowImportingTsExtensions: true,
        skipLibCheck: true,
        noEmit: true,
        types: [],
      },
      include: ['src/**/*.ts'],
    }),
  );
  await writeFile(
    path.join(dir, 'src/contract.ts'),
    `${prelude}${extra}\nexport type StayHubRouter = TRPCBuiltRouter<Root, ${routerRecord}>;\n`,
  );
  await writeFile(
    path.join(dir, 'src/index.ts'),
    "import type { StayHubRouter } from './contract.ts';\nexport type Router = StayHubRouter;\n",
  );
  return dir;
}

describe('the contract declaration generator', () => {
  it('inlines named interfaces and aliases into plain, identical declarations', async () => {
    const dir = await contractPackage(`{
      rooms: {
        price: TRPCQueryProcedure<Def<{ roomId: string }, Money>>;
        book: TRPCMutationProcedure<Def<{ roomId: string; nights: number }, { total: Money; at: Date }>>;
      };
      ping: TRPCQueryProcedure<Def<void, 'pong'>>;
    }`);
    const result = generateContractDeclarations(dir);
    expect(result.procedures).toEqual([
      { path: 'rooms.price', kind: 'query' },
      { path: 'rooms.book', kind: 'mutation' },
      { path: 'ping', kind: 'query' },
    ]);
    expect(result.contract).toMatch(/interface Money \{\s+readonly cents: number;\s+currency: Currency;/);
    expect(result.contract).toContain('type Currency = "EUR" | "USD";');
    expect(result.contract).toContain('note?: string;');
    expect(result.contract).toContain('at: Date;');
    expect(result.contract.match(/^import .*$/gm)).toEqual([
      "import type { TRPCBuiltRouter, TRPCMutationProcedure, TRPCQueryProcedure } from '@trpc/server';",
    ]);
    expect(result.index).toContain('./contract.ts');
  }, 60_000);

  it('shows deprecated procedures and fields, nested or in arrays, as @deprecated JSDoc', async () => {
    const dir = await contractPackage(`{
      rooms: {
        book: TRPCMutationProcedure<Def<{ roomId: string; guestName?: string; note?: string }, { total: number }>>;
        list: TRPCQueryProcedure<Def<void, { items: { roomId: string; legacyCode: string | null }[] }>>;
        oldList: TRPCQueryProcedure<Def<void, string[]>>;
      };
    }`);
    const deprecations = new Map<string, ProcedureDeprecations>([
      ['rooms.book', { input: [{ path: ['guestName'], message: 'Use `note`.' }], output: [] }],
      ['rooms.list', { input: [], output: [{ path: ['items', 'legacyCode'], message: 'Use roomId.' }] }],
      ['rooms.oldList', { procedure: 'Use rooms.list. */ not a comment end', input: [], output: [] }],
    ]);

    const { contract } = generateContractDeclarations(dir, deprecations);

    expect(contract).toMatch(/\/\*\* @deprecated Use `note`\. \*\/\n\s+guestName\?: string \| undefined;/);
    expect(contract).toMatch(/\/\*\* @deprecated Use roomId\. \*\/\n\s+legacyCode: string \| null;/);
    expect(contract).toMatch(
      /\/\*\* @deprecated Use rooms\.list\. \*\\\/ not a comment end \*\/\n\s+oldList: TRPCQueryProcedure/,
    );
    expect(contract.match(/@deprecated/g)).toHaveLength(3);
    expect(contract).not.toMatch(/@deprecated[^\n]*\n\s+note\?/);
  }, 60_000);

  it('fails rather than drop a deprecation it cannot place', async () => {
    const dir = await contractPackage(
      `{ rooms: { book: TRPCMutationProcedure<Def<{ roomId: string }, number>> } }`,
    );
    const lost = new Map<string, ProcedureDeprecations>([
      ['rooms.book', { input: [{ path: ['guestName'], message: 'gone' }], output: [] }],
    ]);
    expect(() => generateContractDeclarations(dir, lost)).toThrow(
      /rooms\.book \(input\): the deprecated field guestName is not in the declared type/,
    );
    const unknown = new Map<string, ProcedureDeprecations>([
      ['rooms.cancel', { procedure: 'gone', input: [], output: [] }],
    ]);
    expect(() => generateContractDeclarations(dir, unknown)).toThrow(
      /procedures the router does not have: rooms\.cancel/,
    );
  }, 60_000);

  it('refuses a procedure whose type contains any, naming the procedure', async () => {
    const dir = await contractPackage(
      `{ rooms: { price: TRPCQueryProcedure<Def<{ roomId: string }, Loose>> } }`,
      [
        '// biome-ignore lint/suspicious/noExplicitAny: the case under test',
        'type Loose = { value: any };',
      ].join('\n'),
    );
    expect(() => generateContractDeclarations(dir)).toThrow(/rooms\.price \(output\).*contains `any`/);
  }, 60_000);

  it('refuses a generic named type it cannot inline', async () => {
    const dir = await contractPackage(
      `{ rooms: { list: TRPCQueryProcedure<Def<void, Page<Money>>> } }`,
      'interface Page<T> { items: T[]; nextCursor: string | null }',
    );
    expect(() => generateContractDeclarations(dir)).toThrow(
      /rooms\.list \(output\): uses the generic type Page/,
    );
  }, 60_000);
});
