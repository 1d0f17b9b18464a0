import { deleteExpiredSessions } from '../../domain/auth/session.queries.ts';
import type { Deps } from '../../domain/deps.ts';
import { defineTask } from '../define-task.ts';

export const purgeExpiredSessionsTask = (deps: Pick<Deps, 'db' | 'clock' | 'logger'>) =>
  defineTask('purge_expired_sessions', async () => {
    const result = await deleteExpiredSessions(deps.db, deps.clock.now());
    deps.logger.info({ deleted: Number(result.numDeletedRows) }, 'purged expired sessions');
  });
