import { describe, expect, it } from 'vitest';
import { openApiDocument } from '../../../src/rest/openapi.ts';
import { proceduresWithoutRoute, restOperations } from '../../../src/rest/rest-operations.ts';
import { appRouter } from '../../../src/routers/app.router.ts';
import { accessMatrix } from '../../integration/authorization/access-matrix.ts';

/**
 * SPEC §8: every procedure is on the REST surface too. A procedure added without
 * `.meta({ openapi: { method, path, tags, protect } })` fails the first test here, named.
 */

const operations = restOperations();

describe('the REST routes of the app router', () => {
  it('give every procedure of the app router a REST route', () => {
    expect(proceduresWithoutRoute()).toEqual([]);
    expect(operations.map((operation) => operation.procedure).sort()).toEqual(
      Object.keys(appRouter._def.procedures).sort(),
    );
  });

  it('never give two procedures the same method and path', () => {
    const routes = operations.map((operation) => `${operation.route.method} ${operation.route.path}`);
    const repeated = routes.filter((route, index) => routes.indexOf(route) !== index);
    expect(repeated).toEqual([]);
  });

  it('read queries with GET and never change anything on a GET', () => {
    const misfits = operations
      .filter((operation) => (operation.type === 'query') !== (operation.route.method === 'GET'))
      .map((operation) => `${operation.route.method} ${operation.procedure} (${operation.type})`);
    expect(misfits).toEqual([]);
  });

  it('name only required input fields as path parameters', () => {
    const misfits = operations.flatMap((operation) =>
      operation.pathParams
        .filter((name) => {
          const required = operation.inputSchema?.required;
          return !Array.isArray(required) || !required.includes(name);
        })
        .map((name) => `${operation.procedure}: {${name}}`),
    );
    expect(misfits).toEqual([]);
  });

  it('ask for a bearer token exactly where the procedure base needs a session', () => {
    const declared = operations.map((operation) => ({
      procedure: operation.procedure,
      protect: operation.route.protect === true,
    }));
    const byBase = operations.map((operation) => {
      const base = Reflect.get(accessMatrix, operation.procedure)?.base;
      return { procedure: operation.procedure, protect: ['authed', 'host', 'admin'].includes(base) };
    });
    expect(declared).toEqual(byBase);
  });

  it('describe every route as one operation of the OpenAPI document', () => {
    const document = openApiDocument(operations, { version: 'test' });
    const paths = Object.entries(Reflect.get(document, 'paths') ?? {});
    const described = paths.flatMap(([path, item]) =>
      Object.keys(item ?? {}).map((method) => `${method.toUpperCase()} ${path}`),
    );
    expect(described.sort()).toEqual(
      operations.map((operation) => `${operation.route.method} /api/v1${operation.route.path}`).sort(),
    );
  });
});
