import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import type { ErrorReason } from '@stayhub/api';
import { TRPC_ERROR_CODES_BY_KEY } from '@trpc/server/rpc';
import type { FastifyBaseLogger, FastifyError, FastifyInstance, RawServerDefault } from 'fastify';

type RefusalCode = 'BAD_REQUEST' | 'PAYLOAD_TOO_LARGE' | 'UNSUPPORTED_MEDIA_TYPE';

/**
 * Requests refused before tRPC reads them — by Fastify (body too large, a content type it has no parser
 * for), by Node's HTTP parser (headers too large) or here (a batch over the limit) — answer in the same
 * envelope and with the same stable `reason`s as every other error (SPEC §5), so a client handles them
 * alike and `reason` is never `INTERNAL` for a request that was merely refused.
 */
export function refusalBody(
  httpStatus: number,
  code: RefusalCode | 'HEADERS_TOO_LARGE',
  reason: ErrorReason,
  message: string,
) {
  const rpcCode =
    code === 'HEADERS_TOO_LARGE' ? TRPC_ERROR_CODES_BY_KEY.BAD_REQUEST : TRPC_ERROR_CODES_BY_KEY[code];
  return {
    error: {
      json: {
        message,
        code: rpcCode,
        data: { code, httpStatus, path: null, reason, fieldErrors: null, retryAfterMs: null },
      },
    },
  };
}

const byFastifyCode: Record<string, { code: RefusalCode; reason: ErrorReason; message: string }> = {
  FST_ERR_CTP_BODY_TOO_LARGE: {
    code: 'PAYLOAD_TOO_LARGE',
    reason: 'PAYLOAD_TOO_LARGE',
    message: 'the request body is too large',
  },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: {
    code: 'UNSUPPORTED_MEDIA_TYPE',
    reason: 'UNSUPPORTED_MEDIA_TYPE',
    message: 'send application/json',
  },
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: {
    code: 'BAD_REQUEST',
    reason: 'VALIDATION_FAILED',
    message: 'the content-length does not match the body',
  },
  FST_ERR_CTP_EMPTY_JSON_BODY: {
    code: 'BAD_REQUEST',
    reason: 'VALIDATION_FAILED',
    message: 'the JSON body is empty',
  },
  FST_ERR_CTP_INVALID_JSON_BODY: {
    code: 'BAD_REQUEST',
    reason: 'VALIDATION_FAILED',
    message: 'the body is not JSON',
  },
};

/** What a request Fastify refused (body too large, not JSON…) answers: code, reason and message. */
export function refusalOf(
  error: FastifyError,
): { code: RefusalCode; reason: ErrorReason; message: string } | undefined {
  return error.code ? byFastifyCode[error.code] : undefined;
}

/** The procedures a `/trpc/a,b,c?batch=1` request names, or null when it is not a batch. */
function batchSize(url: string): number | null {
  const [path = '', query = ''] = url.split('?', 2);
  if (!path.startsWith('/trpc/') || !new URLSearchParams(query).has('batch')) return null;
  return path.slice('/trpc/'.length).split(',').length;
}

export function registerHttpRefusals<L extends FastifyBaseLogger>(
  app: FastifyInstance<RawServerDefault, IncomingMessage, ServerResponse, L>,
  options: { maxBatchSize: number },
): void {
  app.addHook('onRequest', async (request, reply) => {
    const size = batchSize(request.url);
    if (size !== null && size > options.maxBatchSize) {
      return reply
        .code(400)
        .send(
          refusalBody(
            400,
            'BAD_REQUEST',
            'BATCH_TOO_LARGE',
            `a batch holds at most ${options.maxBatchSize} calls`,
          ),
        );
    }
  });

  app.setErrorHandler((error: FastifyError, request, reply) => {
    const refusal = refusalOf(error);
    if (refusal) {
      const status = error.statusCode ?? 400;
      return reply.code(status).send(refusalBody(status, refusal.code, refusal.reason, refusal.message));
    }
    request.log.error({ err: error }, 'request failed outside tRPC');
    return reply.code(500).send(refusalBody(500, 'BAD_REQUEST', 'INTERNAL', 'internal server error'));
  });
}

/**
 * Node's HTTP parser refuses a request before Fastify sees it (headers over the limit, a malformed
 * request line); the answer is written to the socket directly, in the usual envelope.
 */
export function clientErrorHandler(error: Error & { code?: string }, socket: Socket): void {
  if (!socket.writable) {
    socket.destroy();
    return;
  }
  const tooLarge = error.code === 'HPE_HEADER_OVERFLOW';
  const status = tooLarge ? 431 : 400;
  const body = JSON.stringify(
    tooLarge
      ? refusalBody(431, 'HEADERS_TOO_LARGE', 'HEADERS_TOO_LARGE', 'the request headers are too large')
      : refusalBody(400, 'BAD_REQUEST', 'VALIDATION_FAILED', 'the request is not valid HTTP'),
  );
  socket.end(
    `HTTP/1.1 ${status} ${tooLarge ? 'Request Header Fields Too Large' : 'Bad Request'}\r\n` +
      `content-type: application/json\r\ncontent-length: ${Buffer.byteLength(body)}\r\nconnection: close\r\n\r\n${body}`,
  );
}
