import { sendPasswordReset } from '../../domain/auth/password-reset.service.ts';
import type { Deps } from '../../domain/deps.ts';
import { defineTask } from '../define-task.ts';

export const sendPasswordResetTask = (deps: Deps) =>
  defineTask('send_password_reset', ({ userId }) => sendPasswordReset(deps, userId));
