import { inTransaction } from '@stayhub/db';
import { enqueue } from '../../jobs/enqueue.ts';
import { findMailRecipient } from '../auth/account.queries.ts';
import type { Deps } from '../deps.ts';
import { newMessagesMail } from './message.mails.ts';
import {
  claimMessageNotificationsForEmail,
  findConversation,
  findLatestUnreadMessage,
} from './message.queries.ts';

type EmailOutcome = 'emailed' | 'recipient not active' | 'conversation not found' | 'nothing new to email';

/**
 * The `send_message_email` job, run once the quiet period after a recipient's first unread message of a
 * burst has passed. It emails only about message notifications that are still unread and not emailed yet,
 * marking them emailed in the transaction that queues the email — so a retry, or a conversation read in the
 * meantime, sends nothing.
 */
export async function sendMessageEmail(
  deps: Deps,
  job: { conversationId: string; recipientId: string },
): Promise<void> {
  const now = deps.clock.now();
  const outcome = await inTransaction(deps.db, async (trx): Promise<EmailOutcome> => {
    const recipient = await findMailRecipient(trx, job.recipientId);
    if (recipient?.status !== 'active') return 'recipient not active';
    const conversation = await findConversation(trx, job.conversationId);
    if (!conversation) return 'conversation not found';
    const unread = await claimMessageNotificationsForEmail(trx, job.recipientId, job.conversationId, now);
    const latest = await findLatestUnreadMessage(trx, job.conversationId, job.recipientId);
    if (unread === 0 || !latest) return 'nothing new to email';
    await enqueue(
      trx,
      'send_email',
      newMessagesMail(
        { email: recipient.email, firstName: recipient.first_name },
        {
          propertyName: conversation.property_name,
          senderFirstName: latest.sender_first_name,
          latestBody: latest.message_body,
          unreadCount: unread,
        },
      ),
    );
    return 'emailed';
  });
  deps.logger.info({ ...job, outcome }, 'new-message email');
}
