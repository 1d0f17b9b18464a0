import { inTransaction } from '@stayhub/db';
import { describe, expect, it } from 'vitest';
import { enqueue } from '../../../src/jobs/enqueue.ts';
import { queuedJobs, runDueJobs, useTestDeps } from '../../../src/testing/index.ts';

const deps = await useTestDeps();

const jobsNamed = (name: string) => queuedJobs(deps, name);

describe('enqueue', () => {
  it('queues a job that exists once its transaction commits', async () => {
    await inTransaction(deps.db, (trx) =>
      enqueue(trx, 'send_email', { to: 'commit@example.test', subject: 'Hi', text: 'committed' }),
    );
    const jobs = await jobsNamed('send_email');
    expect(jobs.map((j) => j.payload)).toContainEqual({
      to: 'commit@example.test',
      subject: 'Hi',
      text: 'committed',
    });
  });

  it('leaves no job when the transaction rolls back', async () => {
    await expect(
      inTransaction(deps.db, async (trx) => {
        await enqueue(trx, 'send_email', { to: 'rollback@example.test', subject: 'Hi', text: 'never' });
        throw new Error('the change failed after enqueueing');
      }),
    ).rejects.toThrow('the change failed');
    const jobs = await jobsNamed('send_email');
    expect(jobs.map((j) => j.payload)).not.toContainEqual(
      expect.objectContaining({ to: 'rollback@example.test' }),
    );
  });

  it('refuses a payload its catalog schema rejects, before touching the database', async () => {
    const before = (await jobsNamed('send_email')).length;
    await expect(
      enqueue(deps.db, 'send_email', { to: 'not-an-email', subject: 'x', text: 'y' }),
    ).rejects.toThrow();
    expect((await jobsNamed('send_email')).length).toBe(before);
  });

  it('keeps one pending job per job key', async () => {
    for (const text of ['first', 'second']) {
      await enqueue(
        deps.db,
        'send_email',
        { to: 'key@example.test', subject: 'Timer', text },
        { jobKey: 'timer:1' },
      );
    }
    const keyed = (await jobsNamed('send_email')).filter((j) => j.key === 'timer:1');
    expect(keyed).toHaveLength(1);
    expect(keyed[0]?.payload).toMatchObject({ text: 'second' });
  });
});

describe('the task list', () => {
  it('runs queued email jobs through the mail transport', async () => {
    await enqueue(deps.db, 'send_email', {
      to: 'worker@example.test',
      subject: 'Processed',
      text: 'by a task',
    });
    await runDueJobs(deps);
    expect(deps.mailer.messages.map((m) => m.subject)).toContain('Processed');
    expect((await jobsNamed('send_email')).map((j) => j.payload)).not.toContainEqual(
      expect.objectContaining({ to: 'worker@example.test' }),
    );
  });
});
