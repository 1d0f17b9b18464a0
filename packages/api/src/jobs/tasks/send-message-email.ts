import type { Deps } from '../../domain/deps.ts';
import { sendMessageEmail } from '../../domain/messages/message-email.service.ts';
import { defineTask } from '../define-task.ts';

export const sendMessageEmailTask = (deps: Deps) =>
  defineTask('send_message_email', (payload) => sendMessageEmail(deps, payload));
