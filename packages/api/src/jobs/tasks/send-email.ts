import type { Deps } from '../../domain/deps.ts';
import { defineTask } from '../define-task.ts';

export const sendEmailTask = (deps: Pick<Deps, 'mailer'>) =>
  defineTask('send_email', async (message) => {
    await deps.mailer.send(message);
  });
