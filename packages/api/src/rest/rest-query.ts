import type { JsonSchema } from './rest-operations.ts';

/**
 * Query strings carry text only; the input schema says what each parameter is, so `guests=2` becomes the
 * number 2, `instantBook=true` a boolean, `amenities=wifi&amenities=pool` an array and `bbox[minLat]=38`
 * a nested field (OpenAPI's form and deepObject styles). A value that does not read as its type stays
 * text, so zod refuses it with the field's path, as it would over tRPC. An empty value counts as absent
 * (`?cursor=` is the first page).
 */

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** The schema of a property, looking through nullable/optional unions (`anyOf: [{type: string}, {type: null}]`). */
function propertySchema(schema: unknown, name: string): JsonSchema | undefined {
  const object = concrete(schema);
  const properties = object?.properties;
  if (!isObject(properties)) return undefined;
  const property = properties[name];
  return isObject(property) ? property : undefined;
}

/** The one alternative of a union that is not null, or the schema itself. */
function concrete(schema: unknown): JsonSchema | undefined {
  if (!isObject(schema)) return undefined;
  const options = schema.anyOf ?? schema.oneOf;
  if (Array.isArray(options)) {
    const notNull = options.filter((option) => isObject(option) && option.type !== 'null');
    return notNull.length === 1 ? concrete(notNull[0]) : schema;
  }
  return schema;
}

function typeOf(schema: unknown): string | undefined {
  const type = concrete(schema)?.type;
  return typeof type === 'string' ? type : undefined;
}

/** One text value as the type its schema names; text it when it does not read as that type. */
export function coerceValue(value: string, schema: unknown): unknown {
  switch (typeOf(schema)) {
    case 'number':
    case 'integer': {
      const number = Number(value);
      return value.trim() !== '' && Number.isFinite(number) ? number : value;
    }
    case 'boolean':
      return value === 'true' ? true : value === 'false' ? false : value;
    default:
      return value;
  }
}

const NESTED = /^([^[\]]+)\[([^[\]]+)\]$/;

/** The input a query string describes, typed by the operation's input schema. */
export function inputFromQuery(query: URLSearchParams, schema: JsonSchema | null): Record<string, unknown> {
  const top = new Map<string, unknown>();
  const nested = new Map<string, Map<string, unknown>>();
  for (const key of new Set(query.keys())) {
    const values = query.getAll(key).filter((value) => value !== '');
    if (values.length === 0) continue;
    const deep = NESTED.exec(key);
    const name = deep?.[1] ?? key;
    const property = propertySchema(schema, name);
    if (deep) {
      const sub = deep[2] ?? '';
      const fields = nested.get(name) ?? new Map<string, unknown>();
      nested.set(name, fields);
      const subSchema = propertySchema(property, sub);
      fields.set(sub, values.length === 1 ? coerceValue(values[0] ?? '', subSchema) : values);
    } else if (typeOf(property) === 'array') {
      const items = concrete(property)?.items;
      top.set(
        name,
        values.map((value) => coerceValue(value, items)),
      );
    } else {
      // A repeated scalar stays a list, so the schema refuses it instead of one value winning silently.
      top.set(name, values.length === 1 ? coerceValue(values[0] ?? '', property) : values);
    }
  }
  for (const [name, fields] of nested) top.set(name, Object.fromEntries(fields));
  return Object.fromEntries(top);
}

/** Path parameters, typed like query parameters. */
export function inputFromPath(
  params: Record<string, string>,
  schema: JsonSchema | null,
): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(params).map(([name, value]) => [name, coerceValue(value, propertySchema(schema, name))]),
  );
}
