import type { TaskList } from 'graphile-worker';
import type { Deps } from '../domain/deps.ts';
import type { JobName } from './catalog.ts';
import { purgeExpiredSessionsTask } from './tasks/purge-expired-sessions.ts';
import { purgeExpiredUserTokensTask } from './tasks/purge-expired-user-tokens.ts';
import { sendEmailTask } from './tasks/send-email.ts';
import { sendEmailVerificationTask } from './tasks/send-email-verification.ts';
import { sendPasswordResetTask } from './tasks/send-password-reset.ts';

/** The explicit task list the worker runs: one entry per catalog name, checked by the type. */
export function createTaskList(deps: Deps): TaskList & Record<JobName, unknown> {
  return {
    send_email: sendEmailTask(deps),
    purge_expired_sessions: purgeExpiredSessionsTask(deps),
    send_password_reset: sendPasswordResetTask(deps),
    send_email_verification: sendEmailVerificationTask(deps),
    purge_expired_user_tokens: purgeExpiredUserTokensTask(deps),
  };
}

/** graphile-worker crontab: sweeps that catch anything a per-row timer missed (SPEC §6). */
export const crontab = [
  '0 * * * * purge_expired_sessions ?max=1',
  '30 * * * * purge_expired_user_tokens ?max=1',
].join('\n');
