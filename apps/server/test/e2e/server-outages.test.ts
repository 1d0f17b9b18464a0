import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createProperty, createUser } from '@stayhub/api/testing';
import { useTestDatabase } from '@stayhub/db/testing';
import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import {
  brief,
  type Call,
  healthStatus,
  isCleanUnavailable,
  isInternal,
  isOk,
  type Outcome,
  send,
} from '../support/http-calls.ts';
import { type AppProcess, appEnv, eventually, freePort, startApp } from '../support/processes.ts';

/**
 * Outages of a real server process under load: its Postgres connections terminated (a failover, a restart,
 * a pooler recycling them) and a SIGTERM (a deploy). Neither may cost a client more than a clean,
 * retryable refusal.
 */
const database = await useTestDatabase();
const dataDir = await mkdtemp(path.join(tmpdir(), 'stayhub-outages-'));
afterAll(() => rm(dataDir, { recursive: true, force: true }));

const CLIENTS = 16;
const password = 'lantern-meadow-orbit-7';
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const host = await createUser(database.db, { role: 'host' });
const listed = await Promise.all(
  ['Harbour flat', 'Hill cabin', 'Tram stop loft'].map((name) =>
    createProperty(database.db, host.userId, { name }),
  ),
);

let ipSequence = 0;
const nextIp = () => {
  ipSequence++;
  return `10.77.${Math.floor(ipSequence / 250)}.${(ipSequence % 250) + 1}`;
};

async function register(origin: string, label: string): Promise<Outcome> {
  return send(origin, {
    path: 'auth.register',
    kind: 'mutation',
    input: {
      email: `${label}-${randomUUID().slice(0, 8)}@example.test`,
      password,
      firstName: 'Load',
      lastName: 'Client',
    },
    ip: nextIp(),
  });
}

/** The mix one load client cycles through: reads of listed places and health, and two kinds of write. */
function callsFor(client: number, token: string, round: number): Call {
  const propertyId = listed[(client + round) % listed.length]?.propertyId;
  switch (round % 8) {
    case 0:
    case 4:
      return { path: 'properties.search', kind: 'query', input: { country: 'PT', limit: 10 } };
    case 1:
    case 5:
      return { path: 'properties.get', kind: 'query', input: { propertyId } };
    case 2:
      return { path: 'health', kind: 'query' };
    case 3:
    case 6:
      return { path: 'users.updateProfile', kind: 'mutation', input: { bio: `round ${round}` }, token };
    default:
      return { path: 'auth.register', kind: 'mutation' };
  }
}

async function startServer(
  extraEnv: Record<string, string>,
): Promise<{ server: AppProcess; origin: string }> {
  const port = await freePort();
  const server = startApp('server', {
    ...appEnv({ databaseUrl: database.url, dataDir, label: `outages-${port}` }),
    PORT: String(port),
    ...extraEnv,
  });
  const origin = `http://127.0.0.1:${port}`;
  await eventually(async () => ((await fetch(`${origin}/readyz`)).status === 200 ? true : undefined), 30_000);
  return { server, origin };
}

async function terminateServerBackends(): Promise<number> {
  const { rows } = await sql<{ terminated: boolean }>`
    select pg_terminate_backend(pid) as terminated from pg_stat_activity
    where datname = current_database() and application_name = 'stayhub-server'`.execute(database.db);
  return rows.filter((row) => row.terminated).length;
}

describe('a server process whose Postgres connections are all terminated under load', () => {
  it('answers every failed call with a retryable 503 UNAVAILABLE, never exits, and recovers by itself', {
    timeout: 60_000,
  }, async () => {
    const { server, origin } = await startServer({ TRUST_PROXY: 'true' });
    try {
      const tokens = await Promise.all(
        Array.from({ length: CLIENTS }, async (_, client) => {
          const outcome = await register(origin, `client${client}`);
          const token = (outcome.body as { token?: string } | undefined)?.token;
          if (!token) throw new Error(`could not register a load client: ${brief(outcome)}`);
          return token;
        }),
      );

      const outcomes: Outcome[] = [];
      let stop = false;
      const clients = tokens.map(async (token, client) => {
        for (let round = 0; !stop; round++) {
          const call = callsFor(client, token, round);
          outcomes.push(
            call.path === 'auth.register'
              ? await register(origin, `c${client}r${round}`)
              : await send(origin, { ...call, ip: `10.88.0.${client + 1}` }),
          );
        }
      });

      // Two blips a second apart, the way a failover often comes: a primary lost, then the new one
      // restarting its connections. Each is timed from before the terminating query is sent.
      const blips: { at: number; terminated: number }[] = [];
      for (const pause of [1_500, 1_000]) {
        await sleep(pause);
        const at = Date.now();
        blips.push({ at, terminated: await terminateServerBackends() });
      }
      const lastBlipAt = blips[blips.length - 1]?.at ?? 0;
      await sleep(5_000);
      stop = true;
      await Promise.all(clients);

      // Postgres ended live server connections both times (the pool refills between blips).
      expect(blips.map((b) => b.terminated > 0)).toEqual([true, true]);
      expect(server.child.exitCode).toBeNull();
      expect(server.child.signalCode).toBeNull();

      const ok = outcomes.filter(isOk);
      const unavailable = outcomes.filter(isCleanUnavailable);
      const internal = outcomes.filter(isInternal);
      const others = outcomes.filter((o) => !isOk(o) && !isCleanUnavailable(o));
      const failures = outcomes.filter((o) => !isOk(o));
      const lastFailureEnd = Math.max(lastBlipAt, ...failures.map((o) => o.endedAt));
      const degradedHealth = ok.filter((o) => o.path === 'health' && healthStatus(o) !== 'ok');
      // Started 3 s after the last blip: the pool has long refilled, so every one of these must succeed.
      const afterRecovery = outcomes.filter((o) => o.startedAt >= lastBlipAt + 3_000);
      console.info(
        `postgres blips: terminated ${blips.map((b) => b.terminated).join(' + ')} backends; ` +
          `requests ${outcomes.length}, ok ${ok.length} (health degraded ${degradedHealth.length}), ` +
          `503 UNAVAILABLE ${unavailable.length} (${unavailable.filter((o) => o.endedAt < lastBlipAt).length} + ` +
          `${unavailable.filter((o) => o.endedAt >= lastBlipAt).length}), 500/INTERNAL ${internal.length}, others ${others.length}; last failure ` +
          `ended ${lastFailureEnd - lastBlipAt} ms after the last blip; ${afterRecovery.length} requests from 3 s ` +
          `after it, ${afterRecovery.filter(isOk).length} ok`,
      );

      expect(internal.map(brief)).toEqual([]);
      expect(others.map(brief)).toEqual([]);
      // The blips cost something: a test in which no call failed would prove nothing about refusals.
      expect(unavailable.length).toBeGreaterThan(0);
      expect(afterRecovery.length).toBeGreaterThan(CLIENTS);
      expect(afterRecovery.filter((o) => !isOk(o)).map(brief)).toEqual([]);
      expect(afterRecovery.filter((o) => o.path === 'health' && healthStatus(o) !== 'ok').map(brief)).toEqual(
        [],
      );
      expect((await fetch(`${origin}/readyz`)).status).toBe(200);
      expect(server.child.exitCode).toBeNull();
    } finally {
      const code = await server.terminate();
      if (code !== 0) console.error(server.output().slice(-4_000));
      expect(code).toBe(0);
    }
  });
});

/**
 * The request ids the server read: every log line about a request carries its reqId (Fastify's `incoming
 * request` as soon as the headers are parsed), and the id is the one the client sent as x-request-id.
 */
function receivedRequestIds(output: string): Set<string> {
  const ids = new Set<string>();
  for (const line of output.split('\n')) {
    if (!line.includes('"reqId"')) continue;
    try {
      const entry = JSON.parse(line) as { reqId?: string };
      if (entry.reqId) ids.add(entry.reqId);
    } catch {
      // not a log line of the server's (a stray write to stdout)
    }
  }
  return ids;
}

describe('a server process sent SIGTERM while 16 clients keep calling it', () => {
  it('answers every request it accepted in full, then exits 0', { timeout: 60_000 }, async () => {
    const { server, origin } = await startServer({});
    const outcomes: Outcome[] = [];
    let signalledAt = Number.POSITIVE_INFINITY;
    const reads: Call[] = [
      { path: 'properties.search', kind: 'query', input: { country: 'PT', limit: 10 } },
      { path: 'properties.get', kind: 'query', input: { propertyId: listed[0]?.propertyId } },
      { path: 'health', kind: 'query' },
    ];
    // Each client loops over kept-alive connections (fetch's default agent) until the listener is gone.
    const clients = Array.from({ length: CLIENTS }, async (_, client) => {
      const deadline = Date.now() + 20_000;
      for (let round = 0; Date.now() < deadline; round++) {
        const outcome = await send(origin, reads[(client + round) % reads.length] as Call);
        outcomes.push(outcome);
        if (outcome.network === 'ECONNREFUSED') return;
      }
    });
    await sleep(1_500);
    signalledAt = Date.now();
    server.child.kill('SIGTERM');
    const exit = await server.exited;
    await Promise.all(clients);

    const received = receivedRequestIds(server.output());
    const answered = outcomes.filter((o) => o.status !== undefined);
    const ok = answered.filter(isOk);
    const failed = outcomes.filter((o) => o.network !== undefined);
    // The connection was refused: the listener had closed, so no request was ever written.
    const refused = failed.filter((o) => o.network === 'ECONNREFUSED');
    // The server read the request (it logged its id), yet the client got no complete answer: a reset.
    const acceptedThenReset = failed.filter((o) => o.network !== 'ECONNREFUSED' && received.has(o.requestId));
    // Written to a kept-alive connection the server closed before it read a byte of it: the race of a
    // client reusing an idle connection as the server closes it (RFC 9112 §9.3.1). Never accepted, but the
    // client sees a failure all the same, so it is counted apart and must not happen either.
    const unread = failed.filter((o) => o.network !== 'ECONNREFUSED' && !received.has(o.requestId));
    const figures =
      `requests ${outcomes.length}, ok ${ok.length}, 503 ${answered.filter((o) => o.status === 503).length}, ` +
      `500 ${answered.filter(isInternal).length}, other answers ${answered.length - ok.length}, ` +
      `accepted then reset ${acceptedThenReset.length}, unread on an idle connection ${unread.length}, ` +
      `refused ${refused.length}; ${ok.filter((o) => o.endedAt > signalledAt).length} answered after the ` +
      `signal; exit ${exit.code}`;
    console.info(`SIGTERM under ${CLIENTS} clients: ${figures}`);

    expect(exit, server.output().slice(-4_000)).toEqual({ code: 0, signal: null });
    expect(server.output()).toContain('shut down cleanly');
    expect(acceptedThenReset.map(brief)).toEqual([]);
    // Every answer is a whole one: the server still serves a request that reaches it while it drains.
    expect(answered.filter((o) => !isOk(o)).map(brief)).toEqual([]);
    // Nor an unread one: these clients are busy, and a drain that lingers before closing the idle
    // connections answers their next request with `connection: close` instead (apps/server/src/drain.ts).
    expect(unread.map(brief)).toEqual([]);
    expect(failed.filter((o) => !refused.includes(o)).map(brief)).toEqual([]);
    // Every client saw the listener close, and the load was real.
    expect(refused.length).toBe(CLIENTS);
    expect(ok.filter((o) => o.endedAt > signalledAt).length).toBeGreaterThan(0);
  });
});
