import type { Context, PublicResponse } from '@stayhub/api';
import { type AnyTRPCRouter, getTRPCErrorFromUnknown, type TRPCError } from '@trpc/server';
import { getHTTPStatusCode } from '@trpc/server/http';
import {
  type AnyProcedure,
  getErrorShape,
  type TRPCResponse,
  transformTRPCResponse,
} from '@trpc/server/unstable-core-do-not-import';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { ResponseCache } from './response-cache.ts';

/**
 * The tRPC wire protocol for the calls the SDK makes (httpBatchLink: GET queries, POST mutations, JSON,
 * batched or not), answered without the stock adapter's WHATWG `Request`/`Response`/`AbortController` per
 * request and call (issue 12: those and the adapter's object spreading were ~20 % of a cached read's CPU).
 *
 * Wire-compatible by construction: a request is only taken here when every step the stock adapter would
 * take on it is one of the plain ones below — the same procedure lookup, method rule, superjson input
 * decoding, procedure call, `getErrorShape`, `getHTTPStatusCode`, `responseMeta` and `transformTRPCResponse`
 * the adapter uses (`resolveResponse.ts` in @trpc/server 11). Everything else — a streaming accept header,
 * another content type, an unknown path, a wrong method, a batch over the limit, input that does not parse —
 * is answered by the stock adapter, so its error bodies stay the adapter's own. The golden test
 * (test/integration/trpc-fast-path.test.ts) replays the same requests through both and compares bytes.
 *
 * Procedures get no abort signal: none of StayHub's reads it, and a client that leaves mid-call gets its
 * answer dropped by Node as with any route.
 */
export interface FastPathOptions {
  router: AnyTRPCRouter;
  maxBatchSize: number;
  createContext(request: FastifyRequest): Context;
  onError(opts: { error: TRPCError; req: FastifyRequest }): void;
  /** Headers for the response from the calls' errors (the same function the stock adapter's responseMeta uses). */
  responseHeaders(errors: readonly TRPCError[]): Record<string, string>;
  /** Answers kept as bytes for anonymous callers (@stayhub/api `publicResponses`); none: always called. */
  publicResponses?: { entries: Readonly<Record<string, PublicResponse>>; cache: ResponseCache } | undefined;
}

interface PlannedCall {
  path: string;
  procedure: AnyProcedure;
  input: unknown;
}

interface Plan {
  batch: boolean;
  type: 'query' | 'mutation';
  calls: PlannedCall[];
}

/** A call's outcome; `item` is its response item as the stock adapter writes it (JSON text). */
type Outcome = { ok: true; item: string } | { ok: false; error: TRPCError; input: unknown };

/** A successful response item for getHTTPStatusCode, which only tells results from errors. */
const OK_ITEM: TRPCResponse = { result: { data: null } };

/** Answers the request and returns true, or returns false without touching it when the stock adapter must. */
export async function answerFast(
  request: FastifyRequest,
  reply: FastifyReply,
  urlPath: string,
  options: FastPathOptions,
): Promise<boolean> {
  const plan = planCalls(request, urlPath, options);
  if (plan === null) return false;
  const config = options.router._def._config;
  const ctx = options.createContext(request);
  const kept = ctx.token === null && plan.type === 'query' ? options.publicResponses : undefined;

  const outcomes = await Promise.all(
    plan.calls.map(async ({ path, procedure, input }, batchIndex): Promise<Outcome> => {
      try {
        // The key is taken before the call, so an answer read before a write lands under the retired key.
        const key = await kept?.entries[path]?.key(ctx.deps, input);
        const hit = key === undefined ? undefined : kept?.cache.get(key);
        if (hit !== undefined) return { ok: true, item: hit };
        const data: unknown = await procedure({
          path,
          getRawInput: async () => input,
          ctx,
          type: plan.type,
          signal: undefined,
          batchIndex,
        });
        const item = JSON.stringify(transformTRPCResponse(config, { result: { data } }));
        if (key !== undefined) kept?.cache.set(key, item);
        return { ok: true, item };
      } catch (cause) {
        const error = getTRPCErrorFromUnknown(cause);
        options.onError({ error, req: request });
        return { ok: false, error, input };
      }
    }),
  );

  const errors = outcomes.map((outcome) => (outcome.ok ? undefined : outcome.error));
  const responses = outcomes.map((outcome, index): TRPCResponse => {
    if (outcome.ok) return OK_ITEM;
    return {
      error: getErrorShape({
        config,
        ctx,
        error: outcome.error,
        input: outcome.input,
        path: plan.calls[index]?.path,
        type: plan.type,
      }),
    };
  });
  const status = getHTTPStatusCode(responses, errors);
  const headers = options.responseHeaders(errors.filter((error) => error !== undefined));
  // JSON.stringify of the transformed response, one item at a time, so kept answers go in as they are.
  const items = outcomes.map((outcome, index) =>
    outcome.ok ? outcome.item : JSON.stringify(transformTRPCResponse(config, responses[index] ?? OK_ITEM)),
  );
  const body = plan.batch ? `[${items.join(',')}]` : (items[0] ?? '');
  reply
    .code(status)
    .header('vary', 'trpc-accept, accept')
    .header('content-type', 'application/json')
    .headers(headers);
  // A Buffer, not a string: Fastify would add '; charset=utf-8' to a string's content type, the adapter does not.
  await reply.send(Buffer.from(body));
  return true;
}

/** The calls of a request the fast path can answer exactly as the stock adapter would; null otherwise. */
function planCalls(request: FastifyRequest, urlPath: string, options: FastPathOptions): Plan | null {
  const method = request.method;
  if (method !== 'GET' && method !== 'POST') return null;
  const headers = request.headers;
  if (headers['trpc-accept'] !== undefined || headers.accept?.includes('application/jsonl')) return null;
  const contentType = headers['content-type'];
  if (contentType === undefined ? method === 'POST' : !isJson(contentType)) return null;

  const queryAt = request.url.indexOf('?');
  const search = new URLSearchParams(queryAt === -1 ? '' : request.url.slice(queryAt + 1));
  if (search.has('connectionParams')) return null;
  const batch = search.get('batch') === '1';

  let path: string;
  try {
    // The stock adapter decodes the (already decoded) route parameter once more; so does this.
    path = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  const paths = batch ? path.split(',') : [path];
  if (batch && paths.length > options.maxBatchSize) return null;

  const procedures: Readonly<Record<string, AnyProcedure | undefined>> = options.router._def.procedures;
  const found: AnyProcedure[] = [];
  for (const each of paths) {
    const procedure = Object.hasOwn(procedures, each) ? procedures[each] : undefined;
    if (procedure === undefined) return null;
    found.push(procedure);
  }
  const type = found[0]?._def.type;
  if (type !== (method === 'GET' ? 'query' : 'mutation')) return null;
  if (found.some((procedure) => procedure._def.type !== type)) return null;

  const inputs = decodeInputs(method === 'GET' ? search.get('input') : request.body, batch, paths.length);
  if (inputs === null) return null;
  return {
    batch,
    type,
    calls: paths.map((each, index) => ({
      path: each,
      procedure: found[index] as AnyProcedure,
      input: inputs[index],
    })),
  };

  /** The calls' inputs as the procedures get them (superjson-decoded); null when they do not parse. */
  function decodeInputs(raw: unknown, isBatch: boolean, count: number): unknown[] | null {
    if (raw !== null && raw !== undefined && typeof raw !== 'string') return null;
    const deserialize = options.router._def._config.transformer.input.deserialize;
    try {
      const parsed: unknown = raw ? JSON.parse(raw) : undefined;
      if (parsed === undefined) return new Array(count).fill(undefined);
      if (!isBatch) return [deserialize(parsed)];
      if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return null;
      const byIndex = new Map(Object.entries(parsed));
      return Array.from({ length: count }, (_, index) => {
        const input = byIndex.get(String(index));
        return input === undefined ? undefined : deserialize(input);
      });
    } catch {
      return null;
    }
  }
}

/** `application/json`, with parameters or not, in any case (RFC 9110 §8.3.1), as the stock adapter matches it. */
function isJson(contentType: string): boolean {
  return contentType.toLowerCase().split(';', 1)[0]?.trim() === 'application/json';
}
