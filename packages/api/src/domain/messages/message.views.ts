import type { DB } from '@stayhub/db';
import type { Selectable } from 'kysely';
import type { Page } from '../shared/page.ts';
import type { ConversationListRow, messageColumns } from './message.queries.ts';

export interface MessageView {
  messageId: string;
  conversationId: string;
  senderId: string;
  recipientId: string;
  messageBody: string;
  sentAt: Date;
  /** When the recipient read it; null while unread. */
  readAt: Date | null;
}

/** The other side of a conversation as the viewer sees them: first name and avatar (SPEC §4). */
export interface ParticipantView {
  userId: string;
  firstName: string;
  avatarUrl: string | null;
}

/** One conversation in the viewer's inbox. */
export interface ConversationView {
  conversationId: string;
  property: { propertyId: string; name: string };
  /** The booking the conversation is about; null for a question asked before booking. */
  bookingId: string | null;
  /** Which side of the conversation the viewer is on. */
  myRole: 'guest' | 'host';
  otherParticipant: ParticipantView;
  lastMessage: MessageView | null;
  lastMessageAt: Date | null;
  /** Messages to the viewer in this conversation that they have not read. */
  unreadCount: number;
  createdAt: Date;
}

export interface StartedConversationView {
  conversation: ConversationView;
  message: MessageView;
}

export type ConversationList = Page<ConversationView>;
export type MessageList = Page<MessageView>;

export interface ConversationReadView {
  /** Messages this call marked read. */
  markedRead: number;
  /** Messages to the viewer in this conversation still unread afterwards. */
  unreadCount: number;
}

export type MessageRow = Pick<Selectable<DB['messages']>, (typeof messageColumns)[number]>;

export function toMessageView(row: MessageRow): MessageView {
  return {
    messageId: row.message_id,
    conversationId: row.conversation_id,
    senderId: row.sender_id,
    recipientId: row.recipient_id,
    messageBody: row.message_body,
    sentAt: row.sent_at,
    readAt: row.read_at,
  };
}

/** The last message's columns come from a LEFT JOIN LATERAL: all null for a conversation without messages. */
function lastMessageOf(row: ConversationListRow): MessageView | null {
  const { message_id, message_conversation_id, sender_id, recipient_id, message_body, sent_at } = row;
  if (
    message_id === null ||
    message_conversation_id === null ||
    sender_id === null ||
    recipient_id === null ||
    message_body === null ||
    sent_at === null
  ) {
    return null;
  }
  return {
    messageId: message_id,
    conversationId: message_conversation_id,
    senderId: sender_id,
    recipientId: recipient_id,
    messageBody: message_body,
    sentAt: sent_at,
    readAt: row.read_at,
  };
}

export function toConversationView(row: ConversationListRow, viewerId: string): ConversationView {
  return {
    conversationId: row.conversation_id,
    property: { propertyId: row.property_id, name: row.property_name },
    bookingId: row.booking_id,
    myRole: row.guest_id === viewerId ? 'guest' : 'host',
    otherParticipant: {
      userId: row.other_user_id,
      firstName: row.other_first_name,
      avatarUrl: row.other_avatar_url,
    },
    lastMessage: lastMessageOf(row),
    lastMessageAt: row.last_message_at,
    unreadCount: row.unread_count ?? 0,
    createdAt: row.created_at,
  };
}
