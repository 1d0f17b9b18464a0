import { z } from 'zod';
import { appRouter } from '../routers/app.router.ts';
import { pathParameters, type RestRoute, restRouteSchema } from './rest-route.ts';

export type JsonSchema = z.core.JSONSchema.BaseSchema;

/** One procedure as a REST operation: its route, its schemas, and their JSON Schemas (SPEC §8). */
export interface RestOperation {
  /** The tRPC path: 'properties.get'. */
  procedure: string;
  type: 'query' | 'mutation';
  route: RestRoute;
  pathParams: string[];
  /** The procedure's input parser (null: it takes no input) and what it accepts, as JSON Schema. */
  input: z.ZodType | null;
  inputSchema: JsonSchema | null;
  /** What it answers, as JSON Schema (dates as ISO date-time strings, as JSON.stringify writes them). */
  outputSchema: JsonSchema | null;
}

const field = (node: unknown, key: string): unknown =>
  (typeof node === 'object' || typeof node === 'function') && node !== null
    ? Reflect.get(node, key)
    : undefined;

/** Dates leave as ISO strings (JSON.stringify of a Date); JSON Schema says so instead of failing on them. */
function jsonSchemaOf(schema: z.ZodType, io: 'input' | 'output'): JsonSchema {
  const json = z.toJSONSchema(schema, {
    io,
    unrepresentable: 'any',
    override: (ctx) => {
      if (ctx.zodSchema._zod.def.type === 'date') {
        ctx.jsonSchema.type = 'string';
        ctx.jsonSchema.format = 'date-time';
      }
    },
  });
  const { $schema: _dialect, ...rest } = json;
  if (rest.$defs !== undefined)
    throw new Error('a recursive schema needs $defs, which the REST layer does not lift');
  return rest;
}

function zodAt(procedure: string, value: unknown): z.ZodType {
  if (!(value instanceof z.ZodType)) throw new Error(`${procedure} parses with something that is not zod`);
  return value;
}

/** A procedure's declared route, or null when it has none (the coverage test fails on those). */
export function restRouteOf(procedure: unknown): RestRoute | null {
  const declared = field(field(field(procedure, '_def'), 'meta'), 'openapi');
  if (declared === undefined) return null;
  const route = restRouteSchema.parse(declared);
  return { ...route, path: `/${route.path.slice(1)}` };
}

/** Every procedure of `router` that declares a route, as an operation. */
export function restOperations(router: { _def: { procedures: object } } = appRouter): RestOperation[] {
  const operations: RestOperation[] = [];
  for (const [procedure, built] of Object.entries(router._def.procedures)) {
    const route = restRouteOf(built);
    if (route === null) continue;
    const def = field(built, '_def');
    const type = field(def, 'type');
    if (type !== 'query' && type !== 'mutation')
      throw new Error(`${procedure}: only queries and mutations have routes`);
    const inputs = field(def, 'inputs');
    if (!Array.isArray(inputs) || inputs.length > 1)
      throw new Error(`${procedure}: one input parser at most`);
    const input = inputs[0] === undefined ? null : zodAt(procedure, inputs[0]);
    const output = field(def, 'output');
    operations.push({
      procedure,
      type,
      route,
      pathParams: pathParameters(route.path),
      input,
      inputSchema: input === null ? null : jsonSchemaOf(input, 'input'),
      outputSchema: output === undefined ? null : jsonSchemaOf(zodAt(procedure, output), 'output'),
    });
  }
  return operations;
}

/** Procedures of `router` that declare no route: what the coverage test lists when it fails. */
export function proceduresWithoutRoute(router: { _def: { procedures: object } } = appRouter): string[] {
  return Object.entries(router._def.procedures)
    .filter(([, built]) => restRouteOf(built) === null)
    .map(([procedure]) => procedure);
}
