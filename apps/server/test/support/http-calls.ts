import { randomUUID } from 'node:crypto';

/**
 * tRPC calls as raw HTTP for the outage tests, which must see what a client sees: the status, the stable
 * reason and `retry-after` of each answer, or the network failure when no whole answer came.
 */
/** What one HTTP request came to: an answer (status, reason, retry-after) or a network failure. */
export interface Outcome {
  path: string;
  requestId: string;
  startedAt: number;
  endedAt: number;
  status?: number;
  reason?: string;
  retryAfter?: string | null;
  body?: unknown;
  /** The failure's code (ECONNREFUSED, ECONNRESET, UND_ERR_SOCKET…) or message, when no answer arrived. */
  network?: string;
}

/** The first `code` along an error's `cause` chain (fetch wraps socket errors in TypeError('fetch failed')). */
function networkFailureOf(error: unknown): string {
  let current: unknown = error;
  let message = String(error);
  for (let depth = 0; depth < 5 && current instanceof Error; depth++) {
    if ('code' in current && typeof current.code === 'string') return current.code;
    message = current.message;
    current = current.cause;
  }
  return message;
}

export interface Call {
  path: string;
  kind: 'query' | 'mutation';
  input?: unknown;
  token?: string;
  /** Behind a proxy that sets X-Forwarded-For, each load client is a different address (TRUST_PROXY). */
  ip?: string;
}

/**
 * One tRPC call as raw HTTP, so the test sees the status and headers the server sent. The whole body is
 * read and parsed: an answer cut off half-way is a network failure, not an answer.
 */
export async function send(origin: string, call: Call): Promise<Outcome> {
  const requestId = randomUUID();
  const headers: Record<string, string> = { 'x-request-id': requestId };
  if (call.token) headers.authorization = `Bearer ${call.token}`;
  if (call.ip) headers['x-forwarded-for'] = call.ip;
  const encoded = call.input === undefined ? undefined : JSON.stringify({ json: call.input });
  let url = `${origin}/trpc/${call.path}`;
  let init: RequestInit = { headers, signal: AbortSignal.timeout(15_000) };
  if (call.kind === 'mutation') {
    headers['content-type'] = 'application/json';
    init = { ...init, method: 'POST', body: encoded ?? '{}' };
  } else if (encoded !== undefined) {
    url += `?input=${encodeURIComponent(encoded)}`;
  }
  const startedAt = Date.now();
  try {
    const res = await fetch(url, init);
    const body = JSON.parse(await res.text()) as {
      result?: { data?: { json?: unknown } };
      error?: { json?: { data?: { reason?: string } } };
    };
    return {
      path: call.path,
      requestId,
      startedAt,
      endedAt: Date.now(),
      status: res.status,
      reason: body.error?.json?.data?.reason,
      retryAfter: res.headers.get('retry-after'),
      body: body.result?.data?.json,
    };
  } catch (error) {
    return { path: call.path, requestId, startedAt, endedAt: Date.now(), network: networkFailureOf(error) };
  }
}

export const isOk = (o: Outcome) => o.status !== undefined && o.status >= 200 && o.status < 300;
export const isCleanUnavailable = (o: Outcome) =>
  o.status === 503 && o.reason === 'UNAVAILABLE' && o.retryAfter !== null && Number(o.retryAfter) >= 1;
export const isInternal = (o: Outcome) => o.status === 500 || o.reason === 'INTERNAL';
export const healthStatus = (o: Outcome) => (o.body as { status?: string } | undefined)?.status;
export const brief = (o: Outcome) =>
  `${o.path} ${o.status ?? o.network} ${o.reason ?? ''} retry-after=${o.retryAfter ?? '-'} id=${o.requestId}`;
