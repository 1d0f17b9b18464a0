import { z } from 'zod';
import {
  type ListConversationsInput,
  type ListMessagesInput,
  type MarkConversationReadInput,
  MESSAGE_BODY_MAX_LENGTH,
  type SendMessageInput,
  type StartConversationInput,
} from '../domain/messages/message.commands.ts';
import type {
  ConversationList,
  ConversationReadView,
  ConversationView,
  MessageList,
  MessageView,
  ParticipantView,
  StartedConversationView,
} from '../domain/messages/message.views.ts';
import { schemaFor } from '../domain/shared/schema-for.ts';
import { keysetCursorInput, pageLimitInput, pageOf } from './shared.schemas.ts';
import { text } from './text.ts';

const messageBody = text({ min: 1, max: MESSAGE_BODY_MAX_LENGTH });

const listPage = { cursor: keysetCursorInput, limit: pageLimitInput() };

export const messageView = schemaFor<MessageView>()(
  z.object({
    messageId: z.uuid(),
    conversationId: z.uuid(),
    senderId: z.uuid(),
    recipientId: z.uuid(),
    messageBody: z.string(),
    sentAt: z.date(),
    /** When the recipient read it; null while unread. */
    readAt: z.date().nullable(),
  }),
);

/** The other side of a conversation as the viewer sees them: first name and avatar (SPEC §4). */
export const participantView = schemaFor<ParticipantView>()(
  z.object({
    userId: z.uuid(),
    firstName: z.string(),
    avatarUrl: z.string().nullable(),
  }),
);

/** One conversation in the viewer's inbox. */
export const conversationView = schemaFor<ConversationView>()(
  z.object({
    conversationId: z.uuid(),
    property: z.object({ propertyId: z.uuid(), name: z.string() }),
    /** The booking the conversation is about; null for a question asked before booking. */
    bookingId: z.uuid().nullable(),
    /** Which side of the conversation the viewer is on. */
    myRole: z.enum(['guest', 'host']),
    otherParticipant: participantView,
    lastMessage: messageView.nullable(),
    lastMessageAt: z.date().nullable(),
    /** Messages to the viewer in this conversation that they have not read. */
    unreadCount: z.number().int().nonnegative(),
    createdAt: z.date(),
  }),
);

/**
 * Opens (or reuses) the conversation about a listing — before booking, as its would-be guest — or about a
 * booking, as its guest or host, and sends the first message.
 */
export const startConversationInput = schemaFor<StartConversationInput>()(
  z.object({
    propertyId: z.uuid(),
    bookingId: z.uuid().optional(),
    messageBody,
  }),
);

export const startedConversationView = schemaFor<StartedConversationView>()(
  z.object({ conversation: conversationView, message: messageView }),
);

export const sendMessageInput = schemaFor<SendMessageInput>()(
  z.object({ conversationId: z.uuid(), messageBody }),
);

export const listConversationsInput = schemaFor<ListConversationsInput>()(
  z
    .object(listPage)
    // `messages.conversations()` with no input lists the first page.
    .prefault({}),
);

export const conversationList = schemaFor<ConversationList>()(pageOf(conversationView));

export const listMessagesInput = schemaFor<ListMessagesInput>()(
  z.object({ conversationId: z.uuid(), ...listPage }),
);

export const messageList = schemaFor<MessageList>()(pageOf(messageView));

/** Marks messages to the viewer read: all of them, or that one and every older one. */
export const markConversationReadInput = schemaFor<MarkConversationReadInput>()(
  z.object({
    conversationId: z.uuid(),
    upToMessageId: z.uuid().optional(),
  }),
);

export const conversationReadView = schemaFor<ConversationReadView>()(
  z.object({
    /** Messages this call marked read. */
    markedRead: z.number().int().nonnegative(),
    /** Messages to the viewer in this conversation still unread afterwards. */
    unreadCount: z.number().int().nonnegative(),
  }),
);
