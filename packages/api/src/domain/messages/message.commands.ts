import type { PageRequest } from '../shared/page.ts';

/** Trimmed, never empty; the database CHECKs the same bound on messages.message_body. */
export const MESSAGE_BODY_MAX_LENGTH = 5000;

/**
 * Opens (or reuses) the conversation about a listing — before booking, as its would-be guest — or about a
 * booking, as its guest or host, and sends the first message.
 */
export interface StartConversationInput {
  propertyId: string;
  bookingId?: string;
  messageBody: string;
}

export interface SendMessageInput {
  conversationId: string;
  messageBody: string;
}

export type ListConversationsInput = PageRequest;

export interface ListMessagesInput extends PageRequest {
  conversationId: string;
}

/** Marks messages to the viewer read: all of them, or that one and every older one. */
export interface MarkConversationReadInput {
  conversationId: string;
  upToMessageId?: string;
}
