import type { IncomingMessage, ServerResponse } from 'node:http';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyBaseLogger, FastifyInstance, RawServerDefault } from 'fastify';

/** Paths the API owns: the frontend never answers for them, not even as the SPA fallback. */
const API_PREFIXES = ['/trpc', '/api', '/openapi.json', '/docs', '/healthz', '/readyz', '/metrics'];

/** A page path the frontend's router may know: not the API's, and not a file (a missing asset is a 404). */
function isPagePath(url: string): boolean {
  const pathname = url.split('?', 1)[0] ?? '';
  const ownedByApi = API_PREFIXES.some((prefix) => pathname === prefix || pathname.startsWith(`${prefix}/`));
  const lastSegment = pathname.slice(pathname.lastIndexOf('/') + 1);
  return !ownedByApi && !lastSegment.includes('.');
}

/**
 * Serves a built single-page frontend (WEB_DIST, e.g. examples/web's `vite build` output) at `/`. Files are
 * registered one route each (`wildcard: false`), so a file can never shadow an API route, and a GET for
 * any other path that is not the API's gets index.html, where the page's router takes over. Hashed assets
 * are cached for a year; index.html is revalidated, so a deploy shows at the next load.
 */
export async function registerWebDist<L extends FastifyBaseLogger>(
  app: FastifyInstance<RawServerDefault, IncomingMessage, ServerResponse, L>,
  root: string,
): Promise<void> {
  await app.register(fastifyStatic, {
    root: path.resolve(root),
    prefix: '/',
    wildcard: false,
    index: ['index.html'],
    setHeaders: (reply, filePath) => {
      const immutable = filePath.includes(`${path.sep}assets${path.sep}`);
      reply.header('cache-control', immutable ? 'public, max-age=31536000, immutable' : 'no-cache');
    },
  });

  app.setNotFoundHandler((request, reply) => {
    const isPage = request.method === 'GET' || request.method === 'HEAD';
    if (isPage && isPagePath(request.url) && request.headers.accept?.includes('text/html')) {
      return reply.header('cache-control', 'no-cache').sendFile('index.html');
    }
    return reply.code(404).send({
      message: `Route ${request.method}:${request.url} not found`,
      error: 'Not Found',
      statusCode: 404,
    });
  });
}
