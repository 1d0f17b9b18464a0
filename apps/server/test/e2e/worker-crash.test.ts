import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { enqueue, readMailbox } from '@stayhub/api/runtime';
import { callerFor, createProperty, createSignedInUser, createUser, useTestDeps } from '@stayhub/api/testing';
import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { type AppProcess, eventually, startApp } from '../support/processes.ts';

const deps = await useTestDeps();
const dataDir = await mkdtemp(path.join(tmpdir(), 'stayhub-crash-'));
afterAll(() => rm(dataDir, { recursive: true, force: true }));

const env = {
  DATABASE_URL: deps.databaseUrl,
  DATA_DIR: dataDir,
  WORKER_POLL_INTERVAL_MS: '200',
  ...(process.env.REDIS_URL
    ? { REDIS_URL: process.env.REDIS_URL, REDIS_PREFIX: `stayhub-crash-${process.pid}:` }
    : {}),
};

/** Waits long enough for a worker process to boot on a busy machine. */
const PROCESS_TIMEOUT_MS = 45_000;

/** An SMTP server that accepts connections and never answers: a send_email job hangs in it. */
async function silentSmtpServer() {
  const sockets = new Set<Socket>();
  const server = createServer((socket) => {
    sockets.add(socket);
    socket.on('error', () => {});
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('no port');
  return {
    url: `smtp://127.0.0.1:${address.port}`,
    connections: () => sockets.size,
    close: async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

const registeredProcesses = () =>
  deps.db.selectFrom('worker_processes').select(['pid', 'worker_ids']).orderBy('started_at').execute();

async function lockedJobs() {
  const { rows } = await sql<{ id: number; task_identifier: string; locked_by: string }>`
    select id, task_identifier, locked_by from graphile_worker.jobs where locked_by is not null
    order by id`.execute(deps.db);
  return rows;
}

/** Jobs that are due now, locked or not: once none is left, the worker has caught up. */
async function dueJobs() {
  const { rows } = await sql<{ id: number }>`
    select id from graphile_worker.jobs where run_at <= now()`.execute(deps.db);
  return rows;
}

async function jobsNamed(task: string) {
  const { rows } = await sql<{ id: number }>`
    select id from graphile_worker.jobs where task_identifier = ${task}`.execute(deps.db);
  return rows;
}

/** The worker's graceful exit, with its log when it is not. */
async function stopCleanly(worker: AppProcess) {
  const code = await worker.terminate();
  if (code !== 0) throw new Error(`worker exited ${code}:\n${worker.output()}`);
}

describe('a worker process killed with a job in hand', () => {
  it('leaves its job locked, and the next worker process releases and runs it as soon as it starts', async () => {
    const smtp = await silentSmtpServer();
    const first = startApp('worker', { ...env, SMTP_URL: smtp.url });
    let second: AppProcess | undefined;
    try {
      await enqueue(deps.db, 'send_email', {
        to: 'guest@example.test',
        subject: 'Sent after a crash',
        text: 'the first worker died while sending this',
      });
      // The first worker has registered, taken the job under an id it registered, and is stuck sending it.
      const held = await eventually(async () => {
        const [row] = (await registeredProcesses()).filter((r) => r.pid === first.pid);
        const [job] = await lockedJobs();
        return row && job && row.worker_ids.includes(job.locked_by) && smtp.connections() > 0
          ? job
          : undefined;
      }, PROCESS_TIMEOUT_MS);
      expect(held.task_identifier).toBe('send_email');

      expect(await first.crash()).toEqual({ code: null, signal: 'SIGKILL' });
      // graphile-worker alone would keep this lock for 4 hours.
      expect(await lockedJobs()).toEqual([held]);

      second = startApp('worker', env);
      const mail = await eventually(async () => {
        const messages = await readMailbox(path.join(dataDir, 'mailbox'));
        return messages.find((m) => m.subject === 'Sent after a crash');
      }, PROCESS_TIMEOUT_MS);
      expect(mail.to).toBe('guest@example.test');
      await eventually(async () => ((await jobsNamed('send_email')).length === 0 ? true : undefined));
      expect((await registeredProcesses()).map((r) => r.pid)).toEqual([second.pid]);
      expect(second.output()).toContain('released the job locks of a dead worker process');

      await stopCleanly(second);
      expect(await lockedJobs()).toEqual([]);
      expect(await registeredProcesses()).toEqual([]);
    } finally {
      await first.crash();
      await second?.crash();
      await smtp.close();
    }
  });
});

/** A stay a month from now, so it is bookable in any time zone. */
function stayDates(offsetDays: number): { startDate: string; endDate: string } {
  const day = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);
  return { startDate: day(30 + offsetDays), endDate: day(33 + offsetDays) };
}

/** A guest books an instant-book listing with tok_visa through the real procedure: `pending`, charge job queued. */
async function instantBooking(offsetDays: number) {
  const host = await createUser(deps.db, { role: 'host' });
  const { propertyId } = await createProperty(deps.db, host.userId, { instant_book: true });
  const guest = await createSignedInUser(deps);
  const caller = callerFor(deps, { token: guest.token });
  const booking = await caller.bookings.create({
    propertyId,
    ...stayDates(offsetDays),
    guests: 2,
    paymentMethod: 'credit_card',
    paymentToken: 'tok_visa',
    idempotencyKey: `crash-test-${offsetDays}`,
  });
  expect(booking.status).toBe('pending');
  return { bookingId: booking.bookingId, hostId: host.userId, guestId: guest.userId, caller };
}

const bookingRow = (bookingId: string) =>
  deps.db
    .selectFrom('bookings')
    .select(['status', 'confirmed_at'])
    .where('booking_id', '=', bookingId)
    .executeTakeFirstOrThrow();

const chargeRows = (bookingId: string) =>
  deps.db
    .selectFrom('payments')
    .select(['status', 'idempotency_key', 'provider_reference', 'attempts'])
    .where('booking_id', '=', bookingId)
    .where('kind', '=', 'charge')
    .execute();

async function notificationsOf(userId: string, type: string): Promise<number> {
  const rows = await deps.db
    .selectFrom('notifications')
    .select('notification_id')
    .where('user_id', '=', userId)
    .where('type', '=', type)
    .execute();
  return rows.length;
}

const failpoints = [
  { point: 'charge.before_provider', where: 'before the provider call' },
  { point: 'charge.after_provider', where: 'after the provider call, before the database write' },
  { point: 'charge.after_commit', where: 'after the database write, before the job completes' },
] as const;

describe('a worker process killed while charging a booking', () => {
  failpoints.forEach(({ point, where }, index) => {
    it(`charges once and confirms once when the worker dies ${where} (${point})`, async () => {
      const { bookingId, hostId, guestId, caller } = await instantBooking(index * 5);
      const [charge] = await chargeRows(bookingId);
      if (!charge) throw new Error('no charge row');

      const doomed = startApp('worker', { ...env, FAILPOINTS: point });
      let survivor: AppProcess | undefined;
      try {
        const death = await Promise.race([
          doomed.exited,
          new Promise<never>((_, reject) =>
            setTimeout(
              () => reject(new Error(`the worker did not die:\n${doomed.output()}`)),
              PROCESS_TIMEOUT_MS,
            ),
          ),
        ]);
        expect(death).toEqual({ code: null, signal: 'SIGKILL' });
        // The charge job is still locked by the dead process: graphile-worker alone would wait 4 hours.
        const locked = await lockedJobs();
        expect(locked.map((j) => j.task_identifier)).toContain('charge_booking');
        // After the commit, the dead process's other slots may already hold the confirmation emails that
        // transaction queued — and nothing else.
        const allowed =
          point === 'charge.after_commit'
            ? ['charge_booking', 'send_notification_email']
            : ['charge_booking'];
        expect(locked.filter((j) => !allowed.includes(j.task_identifier))).toEqual([]);
        expect(locked.filter((j) => j.task_identifier === 'charge_booking')).toHaveLength(1);
        const afterCrash = await bookingRow(bookingId);
        const ledgerAfterCrash = (await deps.payments.ledger()).filter(
          (e) => e.idempotencyKey === charge.idempotency_key,
        );
        if (point === 'charge.before_provider') expect(ledgerAfterCrash).toEqual([]);
        else expect(ledgerAfterCrash.map((e) => e.status)).toEqual(['succeeded']);
        expect(afterCrash.status).toBe(point === 'charge.after_commit' ? 'confirmed' : 'pending');

        survivor = startApp('worker', env);
        await eventually(async () => {
          const done = (await dueJobs()).length === 0 && (await bookingRow(bookingId)).status === 'confirmed';
          return done ? true : undefined;
        }, PROCESS_TIMEOUT_MS);

        // The provider charged exactly once for this booking's key: one ledger entry, decided once.
        const ledger = (await deps.payments.ledger()).filter(
          (e) => e.idempotencyKey === charge.idempotency_key,
        );
        expect(ledger).toHaveLength(1);
        expect(ledger[0]).toMatchObject({ kind: 'charge', status: 'succeeded', attempts: 1 });
        // One charge row, succeeded, pointing at that ledger entry.
        const charges = await chargeRows(bookingId);
        expect(charges).toHaveLength(1);
        expect(charges[0]).toMatchObject({ status: 'succeeded', provider_reference: ledger[0]?.reference });
        // Confirmed once: confirmed_at untouched by the replay, one payout, one confirmation for each side.
        const booking = await bookingRow(bookingId);
        expect(booking.confirmed_at).not.toBeNull();
        if (point === 'charge.after_commit') expect(booking.confirmed_at).toEqual(afterCrash.confirmed_at);
        const payouts = await deps.db
          .selectFrom('payouts')
          .select('payout_id')
          .where('booking_id', '=', bookingId)
          .execute();
        expect(payouts).toHaveLength(1);
        expect(await notificationsOf(guestId, 'booking_confirmed')).toBe(1);
        expect(await notificationsOf(hostId, 'booking_confirmed')).toBe(1);
        expect(await caller.bookings.get({ bookingId })).toMatchObject({ status: 'confirmed' });
        // The dead process is gone from the registry; after a clean stop nothing is locked and the charge job is gone.
        expect((await registeredProcesses()).map((r) => r.pid)).toEqual([survivor.pid]);
        await stopCleanly(survivor);
        expect(await lockedJobs()).toEqual([]);
        expect(await jobsNamed('charge_booking')).toEqual([]);
        expect(await registeredProcesses()).toEqual([]);
      } finally {
        await doomed.crash();
        await survivor?.crash();
      }
    });
  });
});
