import type { AnyTRPCProcedure } from '@trpc/server';
import type { z } from 'zod';
import { appRouter } from '../../../src/routers/app.router.ts';
import type { Caller } from '../../../src/testing/index.ts';
import { transformer } from '../../../src/trpc/transformer.ts';

/**
 * The router's procedures as the fuzz suite sees them, read from the router itself
 * (`appRouter._def.procedures`, a flat record 'area.name' → procedure), so a new procedure is fuzzed the
 * moment it is mounted.
 */

export interface FuzzTarget {
  path: string;
  type: 'query' | 'mutation' | 'subscription';
  /** The procedure's input schema, if it takes input (every input parser of this router is a zod schema). */
  input: z.core.$ZodType | undefined;
}

function isProcedure(value: unknown): value is AnyTRPCProcedure {
  return (
    typeof value === 'function' && '_def' in value && Reflect.get(Object(value._def), 'procedure') === true
  );
}

function isZodSchema(value: unknown): value is z.core.$ZodType {
  return typeof value === 'object' && value !== null && '_zod' in value;
}

export function routerProcedures(): FuzzTarget[] {
  return Object.entries(appRouter._def.procedures).flatMap(([path, procedure]): FuzzTarget[] => {
    if (!isProcedure(procedure)) return [];
    const inputs = procedure._def.inputs;
    if (inputs.length > 1)
      throw new Error(`${path} has ${inputs.length} input parsers; the fuzz suite merges none`);
    const [input] = inputs;
    if (input !== undefined && !isZodSchema(input)) throw new Error(`${path}'s input is not a zod schema`);
    return [{ path, type: procedure._def.type, input }];
  });
}

/** Calls `path` on a caller (the caller is a proxy: walking the path's parts reaches the procedure). */
export function invoke(caller: Caller, path: string, input: unknown): Promise<unknown> {
  let target: unknown = caller;
  for (const part of path.split('.')) target = Reflect.get(Object(target), part);
  if (typeof target !== 'function') throw new Error(`${path} is not callable on the caller`);
  return Promise.resolve(Reflect.apply(target, undefined, [input]));
}

/**
 * The input as the server receives it from a client: superjson-serialized, sent as JSON text, parsed and
 * deserialized, exactly as the HTTP adapter does. Only what a real client can send reaches the procedure.
 */
export function overTheWire(input: unknown): unknown {
  if (input === undefined) return undefined;
  return transformer.deserialize(JSON.parse(JSON.stringify(transformer.serialize(input))));
}

/** The object shape of an input schema, looking through wrappers (optional, default, prefault, pipe in). */
export function objectShapeOf(
  schema: z.core.$ZodType | undefined,
): Record<string, z.core.$ZodType> | undefined {
  let current = schema;
  for (let depth = 0; current && depth < 8; depth += 1) {
    const def: z.core.$ZodTypes['_zod']['def'] = (current as z.core.$ZodTypes)._zod.def;
    if (def.type === 'object') return def.shape;
    if (def.type === 'pipe') current = def.in;
    else if ('innerType' in def) current = def.innerType;
    else return undefined;
  }
  return undefined;
}

/** The enum values a field accepts, looking through wrappers; [] for anything else. */
export function enumValuesOf(schema: z.core.$ZodType): string[] {
  let current: z.core.$ZodType | undefined = schema;
  for (let depth = 0; current && depth < 8; depth += 1) {
    const def: z.core.$ZodTypes['_zod']['def'] = (current as z.core.$ZodTypes)._zod.def;
    if (def.type === 'enum') return Object.values(def.entries).map(String);
    current = 'innerType' in def ? def.innerType : undefined;
  }
  return [];
}
