import { errorReason, fieldErrors } from '@stayhub/sdk';
import { humanMessage } from './errors.ts';

/** The server's cap on a message body (packages/api/src/domain/messages/message.commands.ts). */
export const MESSAGE_MAX_LENGTH = 5000;

/** How often an open conversation, or the inbox, asks for new messages. */
export const MESSAGES_POLL_MS = 3_000;

/**
 * What to say when a message was not sent. A refused body (`VALIDATION_FAILED` on `messageBody`) is
 * either empty or too long: the page knows which from the text it sent, so it says so in words.
 */
export function sendErrorMessage(error: unknown, body: string): string {
  const reason = errorReason(error);
  if (reason === 'VALIDATION_FAILED' && fieldErrors(error).some((field) => field.path === 'messageBody')) {
    const length = body.trim().length;
    if (length === 0) return 'Write a message before sending it.';
    if (length > MESSAGE_MAX_LENGTH) {
      return `That message is too long: ${length.toLocaleString('en')} characters, at most ${MESSAGE_MAX_LENGTH.toLocaleString('en')}. Shorten it and try again.`;
    }
  }
  if (reason === 'OWN_PROPERTY') return 'This is your own listing: guests write to you here.';
  if (reason === 'NOT_FOUND') return 'This conversation is not available.';
  return humanMessage(error);
}
