import { z } from 'zod';
import { appRouter } from '../../../src/routers/app.router.ts';
import type { Caller } from '../../../src/testing/index.ts';

/** The app router as data: its procedures by path, their input schemas, and the id fields those take. */

const field = (node: unknown, key: string): unknown =>
  (typeof node === 'object' || typeof node === 'function') && node !== null
    ? Reflect.get(node, key)
    : undefined;

/** Every procedure path ('bookings.cancel', 'health', …): tRPC v11 keeps a flat record of them. */
export function procedurePaths(): string[] {
  return Object.keys(appRouter._def.procedures).sort();
}

/** The zod schemas a procedure parses its input with (none for a procedure without input). */
export function inputSchemas(path: string): z.ZodType[] {
  const inputs = field(field(field(appRouter._def.procedures, path), '_def'), 'inputs');
  if (!Array.isArray(inputs)) throw new Error(`${path} is not a procedure`);
  return inputs.map((schema: unknown) => {
    if (!(schema instanceof z.ZodType)) throw new Error(`${path} parses its input with something not zod`);
    return schema;
  });
}

/** Names of the properties of a JSON schema that hold a uuid, or an array of them, at any depth. */
function uuidProperties(schema: unknown, found: Set<string>): Set<string> {
  if (typeof schema !== 'object' || schema === null) return found;
  const holdsUuid = (value: unknown): boolean =>
    field(value, 'format') === 'uuid' ||
    field(field(value, 'items'), 'format') === 'uuid' ||
    [field(value, 'anyOf'), field(value, 'oneOf')].some(
      (options) => Array.isArray(options) && options.some(holdsUuid),
    );
  const properties = field(schema, 'properties');
  if (typeof properties === 'object' && properties !== null) {
    for (const [name, value] of Object.entries(properties)) {
      if (holdsUuid(value)) found.add(name);
      uuidProperties(value, found);
    }
  }
  for (const key of ['anyOf', 'oneOf', 'allOf']) {
    const options = field(schema, key);
    if (Array.isArray(options)) for (const option of options) uuidProperties(option, found);
  }
  uuidProperties(field(schema, 'items'), found);
  return found;
}

/** The input fields of a procedure that carry ids (uuids), read from its input schemas. */
export function idFieldsOf(path: string): string[] {
  const found = new Set<string>();
  for (const schema of inputSchemas(path)) {
    uuidProperties(z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }), found);
  }
  return [...found].sort();
}

/** The caller's function for a procedure path, to call a procedure the matrix names by its path. */
export function procedureAt(caller: Caller, path: string): (input: unknown) => Promise<unknown> {
  const procedure = path.split('.').reduce<unknown>(field, caller);
  if (typeof procedure !== 'function') throw new Error(`no procedure at ${path}`);
  return async (input) => procedure(input);
}
