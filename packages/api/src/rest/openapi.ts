import { TRPC_ERROR_CODES_BY_KEY } from '@trpc/server/rpc';
import { errorReasons } from '../domain/errors.ts';
import type { JsonSchema, RestOperation } from './rest-operations.ts';

/**
 * The OpenAPI 3.1 document of the REST surface (SPEC §8), built from the same operations the server
 * mounts: every route, its parameters and body from the input schema, its answer from the output schema,
 * the bearer scheme, and the error answers. JSON Schema 2020-12 is OpenAPI 3.1's own schema dialect, so
 * zod's JSON Schema goes in as it is.
 */

export const REST_PREFIX = '/api/v1';

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const pascal = (procedure: string) =>
  procedure
    .split('.')
    .map((part) => part.charAt(0).toUpperCase() + part.slice(1))
    .join('');

const camel = (procedure: string) => {
  const name = pascal(procedure);
  return name.charAt(0).toLowerCase() + name.slice(1);
};

/** The error answers, by status: what each means here. */
const errorResponses = {
  '400': 'Invalid input (VALIDATION_FAILED with fieldErrors, INVALID_CURSOR…)',
  '401': 'No valid bearer token (UNAUTHENTICATED, SESSION_EXPIRED, ACCOUNT_SUSPENDED)',
  '402': 'The payment was declined (PAYMENT_DECLINED)',
  '403': 'The caller may not do this (FORBIDDEN)',
  '404': 'Nothing the caller may see has this id (NOT_FOUND)',
  '409': 'The state changed underneath (DATES_UNAVAILABLE, IDEMPOTENCY_KEY_REUSED, INVALID_TRANSITION…)',
  '422': 'A rule refused it (STAY_TOO_SHORT, TOO_MANY_GUESTS, OWN_PROPERTY…)',
  '429': 'Too many requests (RATE_LIMITED); retry after the retry-after header',
  '500': 'Internal error (INTERNAL); nothing about internals is said',
} as const;

type ErrorStatus = keyof typeof errorResponses;

function errorStatuses(operation: RestOperation): ErrorStatus[] {
  const statuses: ErrorStatus[] = ['400'];
  if (operation.route.protect) statuses.push('401', '403');
  statuses.push('404', '409', '422');
  if (operation.type === 'mutation') statuses.push('402');
  statuses.push('429', '500');
  return statuses.sort();
}

const errorSchema: Json = {
  type: 'object',
  required: ['code', 'reason', 'message'],
  properties: {
    code: { type: 'string', enum: Object.keys(TRPC_ERROR_CODES_BY_KEY) },
    reason: { type: 'string', enum: [...errorReasons] },
    message: { type: 'string' },
    fieldErrors: {
      type: 'array',
      items: {
        type: 'object',
        required: ['path', 'message'],
        properties: { path: { type: 'string' }, message: { type: 'string' } },
      },
    },
  },
};

function responseComponents(): Json {
  return Object.fromEntries(
    Object.entries(errorResponses).map(([status, description]) => [
      `Error${status}`,
      {
        description,
        ...(status === '429'
          ? { headers: { 'retry-after': { description: 'seconds to wait', schema: { type: 'integer' } } } }
          : {}),
        content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
      },
    ]),
  );
}

/** The input schema without the fields the path carries. */
function withoutFields(schema: JsonSchema, fields: string[]): JsonSchema {
  if (fields.length === 0 || !isObject(schema.properties)) return schema;
  const properties = Object.fromEntries(
    Object.entries(schema.properties).filter(([name]) => !fields.includes(name)),
  );
  const required = Array.isArray(schema.required)
    ? schema.required.filter((name) => !fields.includes(name))
    : undefined;
  return { ...schema, properties, ...(required ? { required } : {}) };
}

function parameters(operation: RestOperation): Json[] {
  const schema = operation.inputSchema;
  const properties = isObject(schema?.properties) ? schema.properties : {};
  const required = new Set(Array.isArray(schema?.required) ? schema.required : []);
  const fromPath = operation.pathParams.map((name) => {
    const property = properties[name];
    if (property === undefined) throw new Error(`${operation.procedure}: {${name}} is not an input field`);
    return { name, in: 'path', required: true, schema: property };
  });
  const readsQuery = operation.route.method === 'GET' || operation.route.method === 'DELETE';
  if (!readsQuery || schema === null) return fromPath;
  if (!isObject(schema.properties) && schema.type !== 'object') {
    throw new Error(`${operation.procedure}: a ${operation.route.method} route needs an object input`);
  }
  const fromQuery = Object.entries(properties)
    .filter(([name]) => !operation.pathParams.includes(name))
    .map(([name, property]) => {
      const type = isObject(property) ? property.type : undefined;
      return {
        name,
        in: 'query',
        required: required.has(name),
        schema: property,
        ...(type === 'object' ? { style: 'deepObject', explode: true } : {}),
        ...(type === 'array' ? { style: 'form', explode: true } : {}),
      };
    });
  return [...fromPath, ...fromQuery];
}

export function openApiDocument(operations: RestOperation[], info: { version: string }): Json {
  const schemas: Json = { Error: errorSchema };
  const paths: Record<string, Json> = {};
  for (const operation of operations) {
    const name = pascal(operation.procedure);
    const readsQuery = operation.route.method === 'GET' || operation.route.method === 'DELETE';
    let requestBody: Json | undefined;
    if (!readsQuery && operation.inputSchema !== null) {
      const body = withoutFields(operation.inputSchema, operation.pathParams);
      const hasFields = !isObject(body.properties) || Object.keys(body.properties).length > 0;
      if (hasFields) {
        schemas[`${name}Body`] = body;
        requestBody = {
          required: operation.pathParams.length === 0,
          content: { 'application/json': { schema: { $ref: `#/components/schemas/${name}Body` } } },
        };
      }
    }
    if (operation.outputSchema !== null) schemas[`${name}Result`] = operation.outputSchema;
    const path = `${REST_PREFIX}${operation.route.path}`;
    paths[path] ??= {};
    const item = paths[path];
    item[operation.route.method.toLowerCase()] = {
      operationId: camel(operation.procedure),
      summary: operation.route.summary ?? operation.procedure,
      description: `The \`${operation.procedure}\` procedure (the SDK's \`client.${operation.procedure}.${operation.type === 'query' ? 'query' : 'mutate'}()\`).`,
      tags: operation.route.tags,
      ...(operation.route.protect ? { security: [{ bearerAuth: [] }] } : {}),
      parameters: parameters(operation),
      ...(requestBody ? { requestBody } : {}),
      responses: {
        '200': {
          description: 'OK',
          content: {
            'application/json': {
              schema: operation.outputSchema === null ? {} : { $ref: `#/components/schemas/${name}Result` },
            },
          },
        },
        ...Object.fromEntries(
          errorStatuses(operation).map((status) => [
            status,
            { $ref: `#/components/responses/Error${status}` },
          ]),
        ),
      },
    };
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'StayHub API',
      version: info.version,
      description:
        'The REST surface of StayHub: every tRPC procedure under /api/v1, plain JSON (dates as ISO strings). ' +
        'Send `Authorization: Bearer <token>` from auth.login or auth.register. Errors are ' +
        '`{ code, reason, message, fieldErrors? }`. Pages: `?cursor=&limit=`, the next cursor is `nextCursor`.',
    },
    paths,
    components: {
      schemas,
      responses: responseComponents(),
      securitySchemes: { bearerAuth: { type: 'http', scheme: 'bearer' } },
    },
  };
}
