/**
 * The SDK's contract as data: every procedure of a tRPC router with its kind, its input and output as JSON
 * Schema (zod 4's `z.toJSONSchema`, the generator OpenAPI tools use too), deprecations, and the error
 * `reason` union. Written sorted and stable to `contract/current.generated.json`, so a diff of the file is
 * the review of a contract change; `contract-diff.ts` classifies such changes.
 *
 * Run: `node scripts/pnpm.mjs --filter @stayhub/sdk run contract:snapshot` (writes the file).
 */
import type { AnyProcedure, TRPCRouterRecord } from '@trpc/server';
import { z } from 'zod';

export const procedureKinds = ['query', 'mutation', 'subscription'] as const;

/** One JSON Schema node as it sits in the snapshot (plain JSON, keys sorted). */
export const jsonSchema = z.record(z.string(), z.json());
export type JsonSchema = z.infer<typeof jsonSchema>;
export type JsonValue = z.infer<ReturnType<typeof z.json>>;

export const procedureContract = z.object({
  kind: z.enum(procedureKinds),
  /** Present when the procedure is deprecated: what to use instead. */
  deprecated: z.string().optional(),
  /** null: the procedure takes no input (or returns nothing, for output). */
  input: jsonSchema.nullable(),
  output: jsonSchema.nullable(),
});
export type ProcedureContract = z.infer<typeof procedureContract>;

export const contractSnapshot = z.object({
  /** Only in the released snapshot: the SDK version that shipped this contract. */
  version: z.string().optional(),
  errorReasons: z.array(z.string()),
  procedures: z.record(z.string(), procedureContract),
});
export type ContractSnapshot = z.infer<typeof contractSnapshot>;

/** What a procedure's tRPC `.meta()` may say about its contract. */
const procedureMeta = z.looseObject({ deprecated: z.string().min(1).optional() }).optional();

/**
 * Dates travel as Dates (superjson), which JSON Schema cannot say; the snapshot marks them so that a Date
 * turning into a string (or back) is a visible, breaking change.
 */
const dateSchema = {
  type: 'string',
  format: 'date-time',
  'x-superjson': 'Date',
} satisfies z.core.JSONSchema.JSONSchema;

/** Keywords whose array order carries no meaning; sorted so that reordering an enum is not a diff. */
const unorderedKeywords = new Set(['required', 'enum']);

class SnapshotError extends Error {}

/** Plain JSON with every object's keys sorted; refuses anything JSON cannot hold. */
function stable(value: unknown, where: string, key = ''): JsonValue {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new SnapshotError(`${where}: ${value} is not JSON`);
    return value;
  }
  if (Array.isArray(value)) {
    const items = value.map((item) => stable(item, where));
    return unorderedKeywords.has(key) ? items.sort(compareJson) : items;
  }
  if (typeof value === 'object') {
    const entries = Object.entries(value)
      .filter(([name, inner]) => inner !== undefined && name !== '$schema')
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([name, inner]): [string, JsonValue] => [name, stable(inner, where, name)]);
    return Object.fromEntries(entries);
  }
  throw new SnapshotError(`${where}: a ${typeof value} is not JSON`);
}

function compareJson(a: JsonValue, b: JsonValue): number {
  const left = JSON.stringify(a);
  const right = JSON.stringify(b);
  return left < right ? -1 : left > right ? 1 : 0;
}

/** One zod schema (the procedure's parser) as sorted JSON Schema, for what the caller sends or receives. */
export function schemaOf(parser: unknown, io: 'input' | 'output', where: string): JsonSchema {
  if (!(parser instanceof z.core.$ZodType)) {
    throw new SnapshotError(`${where}: the ${io} parser is not a zod schema, so it has no JSON Schema`);
  }
  const generated = z.toJSONSchema(parser, {
    io,
    unrepresentable: (ctx) => {
      if (ctx.zodSchema._zod.def.type === 'date') return { ...dateSchema };
      throw new SnapshotError(`${where} (${io}) at ${ctx.path.join('.') || 'the root'}: ${ctx.message}`);
    },
  });
  return jsonSchema.parse(stable(generated, where));
}

function isProcedure(value: AnyProcedure | TRPCRouterRecord): value is AnyProcedure {
  return typeof value === 'function';
}

function procedureContractOf(procedure: AnyProcedure, where: string): ProcedureContract {
  const def = procedure._def;
  if (def.inputs.length > 1) {
    throw new SnapshotError(`${where}: chained .input() parsers are not supported by the snapshot`);
  }
  const [input] = def.inputs;
  // The output parser is on the built definition at run time; tRPC's types only name `inputs`.
  const output = 'output' in def ? def.output : undefined;
  const meta = procedureMeta.parse(def.meta);
  return {
    kind: def.type,
    ...(meta?.deprecated ? { deprecated: meta.deprecated } : {}),
    input: input === undefined ? null : schemaOf(input, 'input', where),
    output: output === undefined ? null : schemaOf(output, 'output', where),
  };
}

/** Every procedure of the router by dotted path, sorted. */
function collectProcedures(
  record: TRPCRouterRecord,
  prefix: string,
  into: Map<string, ProcedureContract>,
): void {
  for (const [name, value] of Object.entries(record)) {
    const at = prefix ? `${prefix}.${name}` : name;
    if (isProcedure(value)) into.set(at, procedureContractOf(value, at));
    else collectProcedures(value, at, into);
  }
}

export function snapshotOf(
  router: { _def: { record: TRPCRouterRecord } },
  errorReasons: readonly string[],
): ContractSnapshot {
  const procedures = new Map<string, ProcedureContract>();
  collectProcedures(router._def.record, '', procedures);
  const sorted = [...procedures].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return { errorReasons: [...errorReasons].sort(), procedures: Object.fromEntries(sorted) };
}

/** The file's text: two-space JSON, keys sorted, one trailing newline (stable across runs and machines). */
export function snapshotText(snapshot: ContractSnapshot): string {
  return `${JSON.stringify(stable(snapshot, 'snapshot'), null, 2)}\n`;
}

export function parseSnapshot(text: string, file: string): ContractSnapshot {
  const parsed = contractSnapshot.safeParse(JSON.parse(text));
  if (!parsed.success) throw new SnapshotError(`${file} is not a contract snapshot: ${parsed.error.message}`);
  return parsed.data;
}
