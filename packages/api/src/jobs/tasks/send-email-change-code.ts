import { sendEmailChangeCode } from '../../domain/auth/email-change.service.ts';
import type { Deps } from '../../domain/deps.ts';
import { defineTask } from '../define-task.ts';

export const sendEmailChangeCodeTask = (deps: Deps) =>
  defineTask('send_email_change_code', (job) => sendEmailChangeCode(deps, job));
