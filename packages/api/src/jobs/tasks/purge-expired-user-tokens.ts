import { deleteExpiredTokens } from '../../domain/auth/user-token.queries.ts';
import type { Deps } from '../../domain/deps.ts';
import { defineTask } from '../define-task.ts';

/** Reset and verification codes past their validity (used or not) are of no further use. */
export const purgeExpiredUserTokensTask = (deps: Pick<Deps, 'db' | 'clock' | 'logger'>) =>
  defineTask('purge_expired_user_tokens', async () => {
    const result = await deleteExpiredTokens(deps.db, deps.clock.now());
    deps.logger.info({ deleted: Number(result.numDeletedRows) }, 'purged expired user tokens');
  });
