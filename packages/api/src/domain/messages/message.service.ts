import { type Executor, inTransaction } from '@stayhub/db';
import type { Viewer } from '../auth/viewer.ts';
import type { Deps } from '../deps.ts';
import { NotFoundError, RuleViolationError } from '../errors.ts';
import { markNotificationsReadAbout } from '../notifications/notification.queries.ts';
import { notify } from '../notifications/notify.ts';
import { keysetPage, readKeysetCursor } from '../shared/keyset-cursor.ts';
import { enforceUserRateLimit } from '../shared/user-rate-limits.ts';
import type {
  ListConversationsInput,
  ListMessagesInput,
  MarkConversationReadInput,
  SendMessageInput,
  StartConversationInput,
} from './message.commands.ts';
import {
  type ConversationRow,
  countUnreadInConversation,
  findBookingForConversation,
  findConversation,
  findFirstName,
  findMessagePosition,
  findOrCreateConversation,
  findPropertyForConversation,
  insertMessage,
  listConversationRows,
  listMessageRows,
  markMessagesRead,
  touchConversation,
} from './message.queries.ts';
import { counterpartOf, decideStart, preview, roleIn } from './message.rules.ts';
import {
  type ConversationList,
  type ConversationReadView,
  type ConversationView,
  type MessageList,
  type MessageView,
  type StartedConversationView,
  toConversationView,
  toMessageView,
} from './message.views.ts';

/**
 * SPEC §4 Messages: only a conversation's two participants can read or write it; anyone else, admins
 * included, gets NOT_FOUND, exactly as for a conversation that does not exist.
 */
async function participantConversation(
  db: Executor,
  viewer: Viewer,
  conversationId: string,
): Promise<ConversationRow> {
  const conversation = await findConversation(db, conversationId);
  if (!conversation || !roleIn(conversation, viewer.userId)) throw new NotFoundError('conversation');
  return conversation;
}

/**
 * Writes a message on the caller's transaction, with everything that must commit with it: the
 * conversation's inbox position and the recipient's notification, whose email rule (a digest per recipient
 * and conversation) collapses a burst of messages into one email sent after the quiet period, if still
 * unread then.
 */
async function postMessage(
  trx: Executor,
  deps: Pick<Deps, 'clock'>,
  conversation: ConversationRow,
  senderId: string,
  body: string,
  now: Date,
): Promise<MessageView> {
  const recipientId = counterpartOf(conversation, senderId);
  const message = await insertMessage(trx, {
    conversationId: conversation.conversation_id,
    senderId,
    recipientId,
    body,
    sentAt: now,
  });
  await touchConversation(trx, conversation.conversation_id, now);
  const sender = await findFirstName(trx, senderId);
  await notify(trx, deps, {
    userId: recipientId,
    type: 'message_received',
    payload: {
      conversationId: conversation.conversation_id,
      messageId: message.message_id,
      propertyId: conversation.property_id,
      propertyName: conversation.property_name,
      senderId,
      senderFirstName: sender.first_name,
      preview: preview(body),
    },
  });
  return toMessageView(message);
}

async function conversationViewFor(
  trx: Executor,
  viewer: Viewer,
  conversationId: string,
): Promise<ConversationView> {
  const [row] = await listConversationRows(trx, {
    userId: viewer.userId,
    after: undefined,
    limit: 1,
    conversationId,
  });
  if (!row) throw new NotFoundError('conversation');
  return toConversationView(row, viewer.userId);
}

/**
 * Starts, or continues, the conversation about a listing (before booking, as its would-be guest) or about a
 * booking (as its guest or host), with a first message. One conversation per guest, listing and booking:
 * an existing one is reused. A listing that is not listed, or a booking the viewer is not part of: NOT_FOUND.
 * The host cannot start a conversation about their own listing without a booking (OWN_PROPERTY).
 */
export async function startConversation(
  deps: Deps,
  viewer: Viewer,
  input: StartConversationInput,
): Promise<StartedConversationView> {
  await enforceUserRateLimit(deps, 'messages', viewer.userId);
  const now = deps.clock.now();
  return inTransaction(deps.db, async (trx) => {
    const property = await findPropertyForConversation(trx, input.propertyId);
    const booking = input.bookingId ? await findBookingForConversation(trx, input.bookingId) : undefined;
    const decision = decideStart({
      viewerId: viewer.userId,
      propertyId: input.propertyId,
      property: property && { hostId: property.host_id, status: property.status },
      bookingRequested: input.bookingId !== undefined,
      booking: booking && { guestId: booking.user_id, propertyId: booking.property_id },
    });
    if (!decision.ok) {
      switch (decision.error) {
        case 'PROPERTY_NOT_FOUND':
          throw new NotFoundError('property');
        case 'BOOKING_NOT_FOUND':
          throw new NotFoundError('booking');
        case 'OWN_PROPERTY':
          throw new RuleViolationError(
            'OWN_PROPERTY',
            'you cannot start a conversation about your own listing',
          );
      }
    }
    const conversationId = await findOrCreateConversation(
      trx,
      {
        guestId: decision.guestId,
        hostId: decision.hostId,
        propertyId: input.propertyId,
        bookingId: input.bookingId ?? null,
      },
      now,
    );
    const conversation = await participantConversation(trx, viewer, conversationId);
    const message = await postMessage(trx, deps, conversation, viewer.userId, input.messageBody, now);
    return { conversation: await conversationViewFor(trx, viewer, conversationId), message };
  });
}

/** A new message in a conversation the viewer is part of. */
export async function sendMessage(deps: Deps, viewer: Viewer, input: SendMessageInput): Promise<MessageView> {
  await enforceUserRateLimit(deps, 'messages', viewer.userId);
  const now = deps.clock.now();
  return inTransaction(deps.db, async (trx) => {
    const conversation = await participantConversation(trx, viewer, input.conversationId);
    return postMessage(trx, deps, conversation, viewer.userId, input.messageBody, now);
  });
}

/** The viewer's conversations, newest activity first, each with the other side, the last message and unread count. */
export async function listConversations(
  deps: Deps,
  viewer: Viewer,
  input: ListConversationsInput,
): Promise<ConversationList> {
  const rows = await listConversationRows(deps.db, {
    userId: viewer.userId,
    after: readKeysetCursor(input.cursor),
    limit: input.limit + 1,
  });
  const { page, nextCursor } = keysetPage(rows, input.limit, (row) => ({
    at: row.position_key,
    id: row.conversation_id,
  }));
  return { items: page.map((row) => toConversationView(row, viewer.userId)), nextCursor };
}

/** A conversation's messages, newest first, keyset-paged; participants only. */
export async function listMessages(
  deps: Deps,
  viewer: Viewer,
  input: ListMessagesInput,
): Promise<MessageList> {
  await participantConversation(deps.db, viewer, input.conversationId);
  const rows = await listMessageRows(deps.db, {
    conversationId: input.conversationId,
    after: readKeysetCursor(input.cursor),
    limit: input.limit + 1,
  });
  const { page, nextCursor } = keysetPage(rows, input.limit, (row) => ({
    at: row.position_key,
    id: row.message_id,
  }));
  return { items: page.map(toMessageView), nextCursor };
}

/**
 * Marks messages to the viewer read — all, or up to and including one message — and their notifications
 * with them, in one transaction. A pending new-message email then finds nothing unread and sends nothing.
 */
export async function markConversationRead(
  deps: Deps,
  viewer: Viewer,
  input: MarkConversationReadInput,
): Promise<ConversationReadView> {
  const now = deps.clock.now();
  return inTransaction(deps.db, async (trx) => {
    await participantConversation(trx, viewer, input.conversationId);
    let upTo: { at: string; id: string } | undefined;
    if (input.upToMessageId !== undefined) {
      const position = await findMessagePosition(trx, input.conversationId, input.upToMessageId);
      if (!position) throw new NotFoundError('message');
      upTo = { at: position.position_key, id: position.message_id };
    }
    const marked = await markMessagesRead(trx, {
      conversationId: input.conversationId,
      recipientId: viewer.userId,
      upTo,
      now,
    });
    await markNotificationsReadAbout(
      trx,
      { userId: viewer.userId, type: 'message_received', key: 'messageId', values: marked },
      now,
    );
    return {
      markedRead: marked.length,
      unreadCount: await countUnreadInConversation(trx, input.conversationId, viewer.userId),
    };
  });
}
