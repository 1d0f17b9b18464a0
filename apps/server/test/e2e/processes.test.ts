import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { enqueue, readMailbox } from '@stayhub/api/runtime';
import { useTestDatabase } from '@stayhub/db/testing';
import { afterAll, describe, expect, it } from 'vitest';
import { appEnv, eventually, freePort, startApp } from '../support/processes.ts';

const database = await useTestDatabase();
const dataDir = await mkdtemp(path.join(tmpdir(), 'stayhub-e2e-'));
afterAll(() => rm(dataDir, { recursive: true, force: true }));

const env = appEnv({ databaseUrl: database.url, dataDir, label: 'e2e' });

describe('the server process', () => {
  it('becomes ready, then drains and exits 0 on SIGTERM', async () => {
    const port = await freePort();
    const server = startApp('server', { ...env, PORT: String(port) });
    try {
      const ready = await eventually(async () => {
        const res = await fetch(`http://127.0.0.1:${port}/readyz`);
        return res.status === 200 ? res.json() : undefined;
      });
      expect(ready).toMatchObject({ ready: true, database: true });
    } finally {
      expect(await server.terminate()).toBe(0);
    }
    expect(server.output()).toContain('shut down cleanly');
    await expect(fetch(`http://127.0.0.1:${port}/healthz`)).rejects.toThrow();
  });
});

describe('the worker process', () => {
  it('processes a queued job, then exits 0 on SIGTERM', async () => {
    const worker = startApp('worker', env);
    try {
      await enqueue(database.db, 'send_email', {
        to: 'guest@example.test',
        subject: 'Queued in Postgres',
        text: 'handled by the worker process',
      });
      const mail = await eventually(async () => {
        const messages = await readMailbox(path.join(dataDir, 'mailbox'));
        return messages.find((m) => m.subject === 'Queued in Postgres');
      });
      expect(mail.to).toBe('guest@example.test');
    } finally {
      expect(await worker.terminate()).toBe(0);
    }
    expect(worker.output()).toContain('shut down cleanly');
  });
});
