import type { IncomingMessage, ServerResponse } from 'node:http';
import { Server as NetServer } from 'node:net';
import type { FastifyBaseLogger, FastifyInstance, RawServerDefault } from 'fastify';

/** How long a draining server lets kept-alive connections end by themselves before closing the idle ones. */
const LINGER_MS = 500;

/**
 * A clean drain on close() (SIGTERM), for clients on kept-alive connections (server-outages.test.ts):
 *
 * - Every answer sent from then on carries `connection: close`. Node closes only the connections that are
 *   idle when close() begins; one whose request is in flight would stay open after its answer until
 *   keepAliveTimeout (72 s), past SHUTDOWN_GRACE_MS, and the process would exit 1 instead of 0.
 * - The listener stops first, but the idle connections get LINGER_MS to end that way too: Node's http
 *   close() would destroy them at once, and a busy client that is just writing its next request on one
 *   gets a reset for a request the server never read (4–5 of 16 busy clients per SIGTERM). A busy client
 *   sends within milliseconds and is answered; what is still open after the linger is really idle, and
 *   Fastify's close closes it.
 */
export function drainOnClose<L extends FastifyBaseLogger>(
  app: FastifyInstance<RawServerDefault, IncomingMessage, ServerResponse, L>,
): void {
  let draining = false;
  app.addHook('onSend', async (_request, reply) => {
    if (draining) reply.header('connection', 'close');
  });
  app.addHook('preClose', async () => {
    draining = true;
    if (!app.server.listening) return;
    // net's close, not http's: stop accepting without closing the idle connections yet.
    NetServer.prototype.close.call(app.server);
    const deadline = Date.now() + LINGER_MS;
    while (Date.now() < deadline && (await openConnections(app.server)) > 0) {
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  });
}

function openConnections(server: NetServer): Promise<number> {
  return new Promise((resolve) => server.getConnections((err, count) => resolve(err ? 0 : count)));
}
