import type { AppRouter } from '@stayhub/api';
import { type FastifyHandlerOptions, fastifyRequestHandler } from '@trpc/server/adapters/fastify';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { Counter, type Registry } from 'prom-client';
import { answerFast, type FastPathOptions } from './trpc-fast-path.ts';

export interface TrpcRouteOptions {
  /** The stock adapter's options: it answers whatever the fast path does not take. */
  trpcOptions: FastifyHandlerOptions<AppRouter, FastifyRequest, FastifyReply>;
  /** Absent: every request goes through the stock adapter (TRPC_FAST_PATH=false). */
  fastPath: FastPathOptions | undefined;
  /** Where `stayhub_trpc_handler_requests_total` is registered. */
  registry: Registry;
}

/**
 * tRPC at `<prefix>/:path`, as @trpc/server's fastifyTRPCPlugin mounts it (the same body parsers, so the
 * stock adapter sees what it would see there), with the fast path (trpc-fast-path.ts) tried first.
 * Registered as an encapsulated plugin: the parsers apply to this route only.
 */
export async function trpcRoute(app: FastifyInstance, options: TrpcRouteOptions): Promise<void> {
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (_request, body, done) => {
    done(null, body);
  });
  app.removeContentTypeParser('multipart/form-data');
  app.addContentTypeParser('multipart/form-data', {}, (_request, body, done) => {
    done(null, body);
  });

  const { fastPath, trpcOptions } = options;
  // Which handler answered: a rising `stock` share under normal traffic means a client the fast path misses.
  const handled = new Counter({
    name: 'stayhub_trpc_handler_requests_total',
    help: 'tRPC requests by the handler that answered them: the fast path, or the stock adapter.',
    labelNames: ['handler'] as const,
    registers: [options.registry],
  });
  const fast = handled.labels('fast');
  const stock = handled.labels('stock');
  app.all<{ Params: { path: string } }>('/:path', async (request, reply) => {
    const { path } = request.params;
    if (fastPath && (await answerFast(request, reply, path, fastPath))) {
      fast.inc();
      return reply;
    }
    stock.inc();
    await fastifyRequestHandler({ ...trpcOptions, req: request, res: reply, path });
    return reply;
  });
}
