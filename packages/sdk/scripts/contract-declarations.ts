/**
 * Writes the SDK's contract as self-contained declarations (STYLE "SDK": nothing from `@stayhub/*`, zod,
 * Kysely, ioredis or graphile-worker reaches a consumer).
 *
 * `src/contract.ts` types the API from `@stayhub/api`'s AppRouter. A bundler cannot inline that: the
 * router's type carries the server's context (→ Deps → Kysely, ioredis…) and zod's helper types. So this
 * module asks the type checker for what each procedure really takes and returns, prints those types as
 * plain object types, and writes `StayHubRouter` from them. Named types met on the way are inlined
 * (non-generic aliases and interfaces) or imported from `@trpc/server` (the SDK's peer), lib types
 * (`Date`, `Record`…) stay. Anything else fails the build with the procedure path that needs it.
 *
 * The result is then checked to be *identical* (not just assignable) to `src/contract.ts`'s types, so the
 * published types cannot drift from the workspace's.
 */
import path from 'node:path';
import ts from 'typescript';
import {
  annotateDeprecatedFields,
  deprecatedDoc,
  type ProcedureDeprecations,
} from './contract-deprecations.ts';

export type ProcedureKind = 'query' | 'mutation' | 'subscription';

export interface ProcedureInfo {
  path: string;
  kind: ProcedureKind;
}

export interface ContractDeclarations {
  /** `contract.d.ts`: StayHubRouter, StayHubErrorShape, StayHubErrorReason, all inlined. */
  contract: string;
  /** `index.d.ts` for src/index.ts as tsc emits it; it imports `./contract.ts`. */
  index: string;
  procedures: ProcedureInfo[];
  /** Type errors outside the SDK (in-progress work elsewhere) that did not reach the contract. */
  foreignDiagnostics: string[];
}

const TRPC_SERVER = '@trpc/server';
const wrapperByKind = {
  query: 'TRPCQueryProcedure',
  mutation: 'TRPCMutationProcedure',
  subscription: 'TRPCSubscriptionProcedure',
} as const satisfies Record<ProcedureKind, string>;

/** Synthesized identifiers carry the symbol they name (the checker sets it); the public typings omit it. */
type NamedIdentifier = ts.Identifier & { symbol?: ts.Symbol };

class ContractError extends Error {}

function formatDiagnostics(diagnostics: readonly ts.Diagnostic[]): string {
  return ts.formatDiagnostics(diagnostics, {
    getCanonicalFileName: (name) => name,
    getCurrentDirectory: () => process.cwd(),
    getNewLine: () => '\n',
  });
}

function loadCompilerOptions(packageDir: string): ts.CompilerOptions {
  const parsed = ts.getParsedCommandLineOfConfigFile(path.join(packageDir, 'tsconfig.json'), undefined, {
    ...ts.sys,
    onUnRecoverableConfigFileDiagnostic: (diagnostic) => {
      throw new ContractError(formatDiagnostics([diagnostic]));
    },
  });
  if (!parsed) throw new ContractError(`cannot read ${packageDir}/tsconfig.json`);
  return parsed.options;
}

/** Prints checker types as self-contained type text, collecting the declarations they need. */
class TypePrinter {
  private readonly printer = ts.createPrinter({ removeComments: true });
  private readonly file = ts.createSourceFile('contract.d.ts', '', ts.ScriptTarget.Latest);
  private readonly trpcExports = new Map<ts.Symbol, string>();
  /** Inlined declarations by symbol: the local name and, once printed, the declaration text. */
  private readonly inlined = new Map<ts.Symbol, { name: string; text?: string }>();
  private readonly takenNames: Set<string>;
  readonly trpcImports = new Set<string>();

  constructor(
    private readonly program: ts.Program,
    private readonly checker: ts.TypeChecker,
    trpcModule: ts.Symbol,
    reservedNames: readonly string[],
  ) {
    for (const exported of checker.getExportsOfModule(trpcModule)) {
      const target = exported.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(exported) : exported;
      // Prefer the TRPC-prefixed names (the package's documented public ones) when a type has several.
      const known = this.trpcExports.get(target);
      if (!known || (!known.startsWith('TRPC') && exported.name.startsWith('TRPC'))) {
        this.trpcExports.set(target, exported.name);
      }
    }
    this.takenNames = new Set(reservedNames);
  }

  /** The type as text; `where` names the procedure (or export) for error messages. */
  print(type: ts.Type, where: string, flags = ts.NodeBuilderFlags.None): string {
    const node = this.checker.typeToTypeNode(
      type,
      undefined,
      ts.NodeBuilderFlags.NoTruncation | ts.NodeBuilderFlags.MultilineObjectLiterals | flags,
    );
    if (!node) throw new ContractError(`${where}: the checker cannot print this type`);
    return this.printNode(this.rewrite(node, where));
  }

  declarations(): string[] {
    return [...this.inlined.values()].map((entry) => entry.text ?? '');
  }

  private printNode(node: ts.Node): string {
    return this.printer.printNode(ts.EmitHint.Unspecified, node, this.file);
  }

  /** Replaces every named reference with one this file can resolve, or fails. */
  private rewrite(node: ts.TypeNode, where: string): ts.TypeNode {
    const result = ts.transform(node, [
      (context) => {
        const visit = (current: ts.Node): ts.Node => {
          if (current.kind === ts.SyntaxKind.AnyKeyword) {
            throw new ContractError(
              `${where}: the type contains \`any\` (a type error in the API, or a schema that says nothing)`,
            );
          }
          if (ts.isTypeQueryNode(current) || ts.isImportTypeNode(current)) {
            throw new ContractError(`${where}: cannot inline \`${this.printNode(current)}\``);
          }
          if (ts.isTypeReferenceNode(current)) {
            const name = this.resolveReference(current, where);
            const args = current.typeArguments?.map((arg) => ts.visitNode(arg, visit, ts.isTypeNode));
            return context.factory.createTypeReferenceNode(name, args);
          }
          return ts.visitEachChild(current, visit, context);
        };
        return (root) => ts.visitNode(root, visit, ts.isTypeNode);
      },
    ]);
    const [rewritten] = result.transformed;
    result.dispose();
    if (!rewritten) throw new ContractError(`${where}: transform produced nothing`);
    return rewritten;
  }

  private resolveReference(node: ts.TypeReferenceNode, where: string): string {
    const identifier: NamedIdentifier = ts.isIdentifier(node.typeName) ? node.typeName : node.typeName.right;
    const symbol = identifier.symbol;
    const shown = this.printNode(node.typeName);
    if (!symbol) throw new ContractError(`${where}: cannot tell what \`${shown}\` refers to`);
    const declaration = symbol.declarations?.[0];
    const sourceFile = declaration?.getSourceFile();
    if (sourceFile && this.program.isSourceFileDefaultLibrary(sourceFile)) return shown;

    const trpcName = this.trpcExports.get(symbol);
    if (trpcName) {
      this.trpcImports.add(trpcName);
      return trpcName;
    }
    return this.inline(symbol, where, node.typeArguments !== undefined);
  }

  /** Copies a named type's structure into the contract under a free local name. */
  private inline(symbol: ts.Symbol, where: string, hasTypeArguments: boolean): string {
    const known = this.inlined.get(symbol);
    if (known) return known.name;
    const origin = symbol.declarations?.[0]?.getSourceFile().fileName ?? 'unknown file';
    if (hasTypeArguments) {
      throw new ContractError(
        `${where}: uses the generic type ${symbol.name} from ${origin}; only non-generic named types can be inlined`,
      );
    }
    let name = symbol.name;
    for (let n = 2; this.takenNames.has(name); n++) name = `${symbol.name}${n}`;
    this.takenNames.add(name);
    const entry: { name: string; text?: string } = { name };
    this.inlined.set(symbol, entry);

    const declared = this.checker.getDeclaredTypeOfSymbol(symbol);
    const context = `${where} → ${symbol.name} (${origin})`;
    if (symbol.flags & ts.SymbolFlags.TypeAlias) {
      entry.text = `type ${name} = ${this.print(declared, context, ts.NodeBuilderFlags.InTypeAlias)};`;
    } else if (symbol.flags & ts.SymbolFlags.Interface) {
      entry.text = `interface ${name} ${this.printMembers(declared, context)}`;
    } else {
      throw new ContractError(`${context}: only type aliases and interfaces can be inlined`);
    }
    return name;
  }

  /** An interface body, member by member (typeToTypeNode would only print the interface's name). */
  private printMembers(type: ts.Type, where: string): string {
    if (this.checker.getSignaturesOfType(type, ts.SignatureKind.Call).length > 0) {
      throw new ContractError(`${where}: interfaces with call signatures cannot be inlined`);
    }
    const lines: string[] = [];
    for (const info of this.checker.getIndexInfosOfType(type)) {
      const key = this.print(info.keyType, where);
      lines.push(`${info.isReadonly ? 'readonly ' : ''}[key: ${key}]: ${this.print(info.type, where)};`);
    }
    for (const property of this.checker.getPropertiesOfType(type)) {
      const declaration = property.valueDeclaration;
      const readonly =
        declaration !== undefined && ts.getCombinedModifierFlags(declaration) & ts.ModifierFlags.Readonly;
      const optional = property.flags & ts.SymbolFlags.Optional ? '?' : '';
      let propertyType = this.checker.getTypeOfSymbol(property);
      // Optional properties read as `T | undefined`; the declaration says `T`, the `?` adds the rest.
      if (optional) propertyType = this.checker.getNonNullableType(propertyType);
      const key = propertyKey(property.name);
      lines.push(`${readonly ? 'readonly ' : ''}${key}${optional}: ${this.print(propertyType, where)};`);
    }
    return `{\n${lines.map((line) => `    ${line}`).join('\n')}\n}`;
  }
}

function propertyKey(name: string): string {
  return /^[A-Za-z_$][\w$]*$/.test(name) ? name : JSON.stringify(name);
}

function property(checker: ts.TypeChecker, type: ts.Type, name: string, where: string): ts.Type {
  const symbol = checker.getPropertyOfType(type, name);
  if (!symbol) throw new ContractError(`${where}: has no \`${name}\``);
  return checker.getTypeOfSymbol(symbol);
}

function indent(text: string, by: string): string {
  return text.replaceAll('\n', `\n${by}`);
}

/**
 * `deprecations` (from the contract snapshot, contract-deprecations.ts) become `@deprecated` JSDoc on the
 * procedures and fields they name.
 */
export function generateContractDeclarations(
  packageDir: string,
  deprecations: ReadonlyMap<string, ProcedureDeprecations> = new Map(),
): ContractDeclarations {
  const contractFile = path.join(packageDir, 'src/contract.ts');
  const indexFile = path.join(packageDir, 'src/index.ts');
  const options: ts.CompilerOptions = {
    ...loadCompilerOptions(packageDir),
    noEmit: false,
    declaration: true,
    emitDeclarationOnly: true,
    declarationMap: false,
    sourceMap: false,
  };
  const program = ts.createProgram([indexFile, contractFile], options);
  const sdkSource = path.join(packageDir, 'src') + path.sep;
  const diagnostics = ts.getPreEmitDiagnostics(program);
  const own = diagnostics.filter((d) => d.file?.fileName.startsWith(sdkSource) ?? true);
  if (own.length > 0) throw new ContractError(`the SDK does not type-check:\n${formatDiagnostics(own)}`);
  const foreign = diagnostics.filter((d) => !own.includes(d)).map((d) => formatDiagnostics([d]).trim());

  const checker = program.getTypeChecker();
  const contractSource = program.getSourceFile(contractFile);
  const contractModule = contractSource && checker.getSymbolAtLocation(contractSource);
  if (!contractSource || !contractModule) throw new ContractError(`cannot load ${contractFile}`);
  const exported = new Map(checker.getExportsOfModule(contractModule).map((s) => [s.name, s]));
  const declaredType = (name: string) => {
    const symbol = exported.get(name);
    if (!symbol) throw new ContractError(`src/contract.ts does not export ${name}`);
    return checker.getDeclaredTypeOfSymbol(symbol);
  };

  const trpcImport = contractSource.statements.find(
    (s): s is ts.ImportDeclaration =>
      ts.isImportDeclaration(s) &&
      ts.isStringLiteral(s.moduleSpecifier) &&
      s.moduleSpecifier.text === TRPC_SERVER,
  );
  const trpcModule = trpcImport && checker.getSymbolAtLocation(trpcImport.moduleSpecifier);
  if (!trpcModule) throw new ContractError(`src/contract.ts must import types from ${TRPC_SERVER}`);

  const ownNames = ['StayHubRouter', 'StayHubErrorShape', 'StayHubErrorReason', 'StayHubProcedures'];
  const printer = new TypePrinter(program, checker, trpcModule, [
    ...ownNames,
    ...Object.values(wrapperByKind),
  ]);

  const routerType = declaredType('StayHubRouter');
  const definition = property(checker, routerType, '_def', 'StayHubRouter');
  const rootTypes = property(
    checker,
    property(checker, definition, '_config', 'StayHubRouter'),
    '$types',
    '_config',
  );
  const record = property(checker, definition, 'record', 'StayHubRouter');

  const procedures: ProcedureInfo[] = [];
  const printRecord = (recordType: ts.Type, prefix: string): string => {
    const members: string[] = [];
    for (const entry of checker.getPropertiesOfType(recordType)) {
      const at = prefix ? `${prefix}.${entry.name}` : entry.name;
      const value = checker.getTypeOfSymbol(entry);
      const valueDef = checker.getPropertyOfType(value, '_def');
      const def = valueDef && checker.getTypeOfSymbol(valueDef);
      if (def && checker.getPropertyOfType(def, 'procedure')) {
        const kindType = property(checker, def, 'type', at);
        const kind = kindType.isStringLiteral() ? kindType.value : '';
        if (kind !== 'query' && kind !== 'mutation' && kind !== 'subscription') {
          throw new ContractError(`${at}: unknown procedure type`);
        }
        procedures.push({ path: at, kind });
        const types = property(checker, def, '$types', at);
        const deprecated = deprecations.get(at);
        const input = annotateDeprecatedFields(
          printer.print(property(checker, types, 'input', at), `${at} (input)`),
          deprecated?.input ?? [],
          `${at} (input)`,
        );
        const output = annotateDeprecatedFields(
          printer.print(property(checker, types, 'output', at), `${at} (output)`),
          deprecated?.output ?? [],
          `${at} (output)`,
        );
        const meta = printer.print(property(checker, value, 'meta', at), `${at} (meta)`);
        members.push(
          (deprecated?.procedure ? `${deprecatedDoc(deprecated.procedure)}\n` : '') +
            `${propertyKey(entry.name)}: ${wrapperByKind[kind]}<{\n` +
            `    input: ${indent(input, '    ')};\n` +
            `    output: ${indent(output, '    ')};\n` +
            `    meta: ${meta};\n` +
            `    errorShape: StayHubErrorShape;\n}>;`,
        );
        printer.trpcImports.add(wrapperByKind[kind]);
      } else {
        members.push(`${propertyKey(entry.name)}: ${printRecord(value, at)};`);
      }
    }
    return `{\n${members.map((m) => `    ${indent(m, '    ')}`).join('\n')}\n}`;
  };
  const recordText = printRecord(record, '');
  const unknown = [...deprecations.keys()].filter((at) => !procedures.some((p) => p.path === at));
  if (unknown.length > 0) {
    throw new ContractError(`deprecations name procedures the router does not have: ${unknown.join(', ')}`);
  }
  const errorShape = printer.print(
    declaredType('StayHubErrorShape'),
    'StayHubErrorShape',
    ts.NodeBuilderFlags.InTypeAlias,
  );
  const errorReason = printer.print(
    declaredType('StayHubErrorReason'),
    'StayHubErrorReason',
    ts.NodeBuilderFlags.InTypeAlias,
  );
  const ctx = printer.print(property(checker, rootTypes, 'ctx', 'root'), 'root ctx');
  const meta = printer.print(property(checker, rootTypes, 'meta', 'root'), 'root meta');
  const transformer = printer.print(property(checker, rootTypes, 'transformer', 'root'), 'root transformer');
  printer.trpcImports.add('TRPCBuiltRouter');

  const contract = [
    "// Generated from the StayHub server's router by packages/sdk/scripts/contract-declarations.ts.",
    `import type { ${[...printer.trpcImports].sort().join(', ')} } from '${TRPC_SERVER}';`,
    ...printer.declarations(),
    `/** The stable machine-readable reasons of SPEC §5 (\`EMAIL_TAKEN\`, \`DATES_UNAVAILABLE\`, …). */`,
    `export type StayHubErrorReason = ${errorReason};`,
    `/** What the server's errorFormatter sends: TRPC code, HTTP status, reason, field errors. */`,
    `export type StayHubErrorShape = ${errorShape};`,
    `type StayHubProcedures = ${recordText};`,
    '/** The API as a client sees it: every procedure with its input and output (SPEC §5). */',
    `export type StayHubRouter = TRPCBuiltRouter<{\n    ctx: ${ctx};\n    meta: ${meta};\n` +
      `    errorShape: StayHubErrorShape;\n    transformer: ${transformer};\n}, StayHubProcedures>;`,
    '',
  ].join('\n');

  let index: string | undefined;
  const emitted = program.emit(program.getSourceFile(indexFile), (fileName, text) => {
    if (fileName.endsWith('index.d.ts')) index = text;
  });
  if (emitted.emitSkipped || index === undefined) {
    throw new ContractError(`declaration emit failed:\n${formatDiagnostics(emitted.diagnostics)}`);
  }

  verifyIdentical(program, options, packageDir, contract, procedures);
  return { contract, index, procedures, foreignDiagnostics: foreign };
}

/**
 * Type-checks the generated contract on its own (it must resolve with only `@trpc/server` and the lib)
 * and proves that every procedure's input and output, and the error shape, are *identical* to the ones
 * `src/contract.ts` derives from the API.
 */
function verifyIdentical(
  previous: ts.Program,
  options: ts.CompilerOptions,
  packageDir: string,
  contract: string,
  procedures: readonly ProcedureInfo[],
): void {
  const generatedFile = path.join(packageDir, 'src/__generated_contract__.d.ts');
  const checkFile = path.join(packageDir, 'src/__contract_identity__.ts');
  const access = (p: string) =>
    p
      .split('.')
      .map((part) => `[${JSON.stringify(part)}]`)
      .join('');
  const lines = [
    "import type * as Generated from './__generated_contract__.d.ts';",
    "import type * as Source from './contract.ts';",
    'type Same<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;',
    'type G = Generated.StayHubRouter["_def"]["record"];',
    'type S = Source.StayHubRouter["_def"]["record"];',
    'export const errorShape: Same<Generated.StayHubErrorShape, Source.StayHubErrorShape> = true;',
    'export const errorReason: Same<Generated.StayHubErrorReason, Source.StayHubErrorReason> = true;',
    'export const root: Same<Generated.StayHubRouter["_def"]["_config"]["$types"], Source.StayHubRouter["_def"]["_config"]["$types"]> = true;',
    'export const routers: Same<keyof G, keyof S> = true;',
    'export const record: Same<G, S> = true;',
  ];
  procedures.forEach((procedure, i) => {
    const at = access(procedure.path);
    for (const part of ['input', 'output'] as const) {
      lines.push(
        `export const p${i}_${part}: Same<G${at}["_def"]["$types"]["${part}"], S${at}["_def"]["$types"]["${part}"]> = true; // ${procedure.path}`,
      );
    }
    lines.push(`export const p${i}_kind: Same<G${at}["_def"]["type"], S${at}["_def"]["type"]> = true;`);
  });
  const virtual = new Map([
    [generatedFile, contract],
    [checkFile, lines.join('\n')],
  ]);
  const host = ts.createCompilerHost({ ...options, noEmit: true });
  const readFile = host.readFile.bind(host);
  const fileExists = host.fileExists.bind(host);
  const getSourceFile = host.getSourceFile.bind(host);
  host.readFile = (fileName) => virtual.get(fileName) ?? readFile(fileName);
  host.fileExists = (fileName) => virtual.has(fileName) || fileExists(fileName);
  host.getSourceFile = (fileName, languageVersion, onError, shouldCreate) => {
    const text = virtual.get(fileName);
    return text === undefined
      ? getSourceFile(fileName, languageVersion, onError, shouldCreate)
      : ts.createSourceFile(fileName, text, languageVersion, true);
  };
  const program = ts.createProgram({
    rootNames: [generatedFile, checkFile],
    options: { ...options, noEmit: true, declaration: false, emitDeclarationOnly: false },
    host,
    oldProgram: previous,
  });
  const generatedSource = program.getSourceFile(generatedFile);
  const checkSource = program.getSourceFile(checkFile);
  const problems = [
    ...program.getSyntacticDiagnostics(generatedSource),
    ...program.getSemanticDiagnostics(generatedSource),
    ...program.getSemanticDiagnostics(checkSource),
  ];
  if (problems.length > 0) {
    const shown = problems.map((d) => {
      const line =
        d.file && d.start !== undefined ? d.file.getLineAndCharacterOfPosition(d.start).line : undefined;
      const source = d.file && line !== undefined ? d.file.text.split('\n')[line] : '';
      return `${formatDiagnostics([d]).trim()}\n    at: ${source?.trim().slice(0, 300)}`;
    });
    throw new ContractError(
      `the generated contract is not identical to src/contract.ts:\n${shown.slice(0, 20).join('\n')}`,
    );
  }
  // The generated file must only need @trpc/server: no imports besides it.
  const imports = generatedSource?.statements.filter(ts.isImportDeclaration) ?? [];
  for (const statement of imports) {
    const specifier = ts.isStringLiteral(statement.moduleSpecifier) ? statement.moduleSpecifier.text : '';
    if (specifier !== TRPC_SERVER) throw new ContractError(`the generated contract imports ${specifier}`);
  }
}
