import { sendEmailVerification } from '../../domain/auth/email-verification.service.ts';
import type { Deps } from '../../domain/deps.ts';
import { defineTask } from '../define-task.ts';

export const sendEmailVerificationTask = (deps: Deps) =>
  defineTask('send_email_verification', ({ userId }) => sendEmailVerification(deps, userId));
