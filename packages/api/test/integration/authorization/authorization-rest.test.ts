import { ManualClock } from '../../../src/infra/clock.ts';
import { callRest, type RestRequest, restInput } from '../../../src/rest/rest-call.ts';
import { type RestOperation, restOperations } from '../../../src/rest/rest-operations.ts';
import { nextIp, useTestDeps } from '../../../src/testing/index.ts';
import { createContextInner } from '../../../src/trpc/context.ts';
import { describeAuthorization } from './authorization-suite.ts';
import { type Principal, TODAY_INSTANT } from './world.ts';

/**
 * One authorization truth (SPEC §8): the authorization matrix's cases over REST — each call encoded as an
 * HTTP client sends it (path parameters, a query string for GET and DELETE, a JSON body otherwise), read
 * back by the REST layer and answered with its status and `{ code, reason, message, fieldErrors? }`. A
 * stranger gets exactly what they get over tRPC: never a booking, an address or an email, and NOT_FOUND
 * for an id they may not see, like one that names nothing.
 */

const deps = await useTestDeps({ clock: new ManualClock(TODAY_INSTANT) });
const operations = new Map(restOperations().map((operation) => [operation.procedure, operation]));

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** The request an HTTP client makes for this input: what a URL and a JSON body can carry. */
function requestFor(operation: RestOperation, input: unknown): RestRequest {
  const fields = isObject(input) ? input : {};
  const params = Object.fromEntries(operation.pathParams.map((name) => [name, String(fields[name])]));
  const others = Object.entries(fields).filter(([name]) => !operation.pathParams.includes(name));
  const query = new URLSearchParams();
  if (operation.route.method === 'GET' || operation.route.method === 'DELETE') {
    for (const [name, value] of others) {
      if (value === undefined || value === null) continue;
      if (Array.isArray(value)) for (const item of value) query.append(name, String(item));
      else if (isObject(value))
        for (const [sub, item] of Object.entries(value)) query.append(`${name}[${sub}]`, String(item));
      else query.append(name, String(value));
    }
    return { params, query, body: undefined };
  }
  const body = operation.pathParams.length === 0 ? input : Object.fromEntries(others);
  return { params, query, body: body === undefined ? undefined : JSON.parse(JSON.stringify(body)) };
}

async function overRest(who: Principal, path: string, input: unknown) {
  const operation = operations.get(path);
  if (operation === undefined) throw new Error(`${path} has no REST route`);
  const ctx = createContextInner({ deps, token: who.token, meta: { ip: nextIp(), userAgent: 'vitest' } });
  return callRest(operation, ctx, restInput(operation, requestFor(operation, input)));
}

describeAuthorization(deps, {
  attempt: async (who, path, input) => {
    const result = await overRest(who, path, input);
    return result.ok ? 'ok' : { code: result.body.code, reason: result.body.reason };
  },
  failure: async (who, path, input) => {
    const result = await overRest(who, path, input);
    if (result.ok) throw new Error(`expected ${path} to fail`);
    return result;
  },
});
