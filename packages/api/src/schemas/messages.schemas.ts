import { z } from 'zod';

const messageBody = z.string().trim().min(1).max(5000);

const listPage = {
  /** `nextCursor` of the previous page, as returned (null or absent for the first page). */
  cursor: z.string().max(512).nullish(),
  limit: z.number().int().min(1).max(50).default(20),
};

export const messageView = z.object({
  messageId: z.uuid(),
  conversationId: z.uuid(),
  senderId: z.uuid(),
  recipientId: z.uuid(),
  messageBody: z.string(),
  sentAt: z.date(),
  /** When the recipient read it; null while unread. */
  readAt: z.date().nullable(),
});
export type MessageView = z.infer<typeof messageView>;

/** The other side of a conversation as the viewer sees them: first name and avatar (SPEC §4). */
export const participantView = z.object({
  userId: z.uuid(),
  firstName: z.string(),
  avatarUrl: z.string().nullable(),
});

/** One conversation in the viewer's inbox. */
export const conversationView = z.object({
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
});
export type ConversationView = z.infer<typeof conversationView>;

/**
 * Opens (or reuses) the conversation about a listing — before booking, as its would-be guest — or about a
 * booking, as its guest or host, and sends the first message.
 */
export const startConversationInput = z.object({
  propertyId: z.uuid(),
  bookingId: z.uuid().optional(),
  messageBody,
});
export type StartConversationInput = z.output<typeof startConversationInput>;

export const startedConversationView = z.object({ conversation: conversationView, message: messageView });
export type StartedConversationView = z.infer<typeof startedConversationView>;

export const sendMessageInput = z.object({ conversationId: z.uuid(), messageBody });
export type SendMessageInput = z.output<typeof sendMessageInput>;

export const listConversationsInput = z
  .object(listPage)
  // `messages.conversations()` with no input lists the first page.
  .prefault({});
export type ListConversationsInput = z.output<typeof listConversationsInput>;

export const conversationList = z.object({
  items: z.array(conversationView),
  nextCursor: z.string().nullable(),
});
export type ConversationList = z.infer<typeof conversationList>;

export const listMessagesInput = z.object({ conversationId: z.uuid(), ...listPage });
export type ListMessagesInput = z.output<typeof listMessagesInput>;

export const messageList = z.object({ items: z.array(messageView), nextCursor: z.string().nullable() });
export type MessageList = z.infer<typeof messageList>;

/** Marks messages to the viewer read: all of them, or that one and every older one. */
export const markConversationReadInput = z.object({
  conversationId: z.uuid(),
  upToMessageId: z.uuid().optional(),
});
export type MarkConversationReadInput = z.output<typeof markConversationReadInput>;

export const conversationReadView = z.object({
  /** Messages this call marked read. */
  markedRead: z.number().int().nonnegative(),
  /** Messages to the viewer in this conversation still unread afterwards. */
  unreadCount: z.number().int().nonnegative(),
});
export type ConversationReadView = z.infer<typeof conversationReadView>;
